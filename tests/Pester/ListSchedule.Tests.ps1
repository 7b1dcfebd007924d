#Requires -Version 7.4
# Pester 5/6 tests of the benchmark's schedule limit (tests/tools/ListSchedule.ps1), which the convert-modes benchmark
# prints beside its ratios. Run: Invoke-Pester ./tests/Pester/ListSchedule.Tests.ps1

Describe 'Get-ListScheduleSeconds' {
    BeforeAll {
        . (Join-Path $PSScriptRoot '..' 'tools' 'ListSchedule.ps1')
    }

    It 'ends with the last lane to finish when each item goes to the lane free first, in the order given' {
        # Lanes: 3 | 3, then 3+2 | 3+2, then 3+2+2: the last item runs alone.
        Get-ListScheduleSeconds -Seconds 3, 3, 2, 2, 2 -Lanes 2 | Should -Be 7
    }

    It 'depends on the order: the same items, the long one first, end together' {
        Get-ListScheduleSeconds -Seconds 1, 1, 2 -Lanes 2 | Should -Be 3
        Get-ListScheduleSeconds -Seconds 2, 1, 1 -Lanes 2 | Should -Be 2
    }

    It 'is the sum on one lane and the longest item when every item has a lane' {
        Get-ListScheduleSeconds -Seconds 0.5, 1.5, 1 -Lanes 1 | Should -Be 3
        Get-ListScheduleSeconds -Seconds 0.5, 1.5, 1 -Lanes 5 | Should -Be 1.5
    }
}
