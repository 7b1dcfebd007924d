#Requires -Version 7.4
# Pester 5 tests of the staged module, run in a fresh pwsh by `./build.ps1 -Task Test`, or by hand after
# `./build.ps1`:  Invoke-Pester ./tests/Pester
# $env:CONCURRENCYDEMO_MODULE may name another ConcurrencyDemo.psd1, e.g. src/ConcurrencyDemo/bin/Debug/net8.0.
# Sleeps are short (a tenth of a second to half a second) and every timing bound leaves slack for a busy machine.

Describe 'Invoke-SleepDemo' {
    BeforeAll {
        $ModulePath = if ($env:CONCURRENCYDEMO_MODULE) {
            $env:CONCURRENCYDEMO_MODULE
        } else {
            Join-Path $PSScriptRoot '..' '..' 'out' 'ConcurrencyDemo' 'ConcurrencyDemo.psd1'
        }
        Import-Module $ModulePath -Force

        $ResultProperties = @(
            'RunId', 'Workload', 'Mode', 'ThrottleLimit', 'Index', 'Label', 'StartSeconds', 'EndSeconds', 'DurationSeconds',
            'Worker', 'WorkerStartSeconds', 'WorkerReadySeconds', 'ThreadId', 'ProcessId', 'Success', 'Error', 'SleepSeconds'
        )

        # pwsh processes started by this one: Process-mode workers that are still alive.
        function Get-ChildPwsh {
            Get-Process -Name pwsh -ErrorAction SilentlyContinue | Where-Object { $_.Parent -and $_.Parent.Id -eq $PID }
        }

        function Wait-NoChildPwsh {
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            while ((Get-ChildPwsh) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
            Get-ChildPwsh
        }
    }

    Context 'the module' {
        It 'exports Invoke-SleepDemo and nothing else' {
            $commands = @(Get-Command -Module ConcurrencyDemo)
            $commands.Count | Should -Be 1
            $commands[0].Name | Should -Be 'Invoke-SleepDemo'
            "$($commands[0].CommandType)" | Should -Be 'Cmdlet'
        }

        It 'has a table view for SleepResult' {
            $format = Get-FormatData -TypeName 'ConcurrencyDemo.Engine.Results.SleepResult'
            $format | Should -Not -BeNullOrEmpty
            $format.FormatViewDefinition[0].Control | Should -BeOfType ([System.Management.Automation.TableControl])
        }
    }

    Context 'each mode' {
        It 'runs <Mode> and writes one SleepResult per item' -ForEach @(
            @{ Mode = 'Sequential' }, @{ Mode = 'Thread' }, @{ Mode = 'Pool' }, @{ Mode = 'Process' }, @{ Mode = 'Async' }
        ) {
            $results = @(Invoke-SleepDemo -Mode $Mode -Count 4 -Seconds 0.2)

            $results.Count | Should -Be 4
            ($results.Index | Sort-Object) | Should -Be @(0, 1, 2, 3)
            @($results.RunId | Sort-Object -Unique).Count | Should -Be 1
            foreach ($result in $results) {
                $result | Should -BeOfType ([ConcurrencyDemo.Engine.Results.SleepResult])
                "$($result.Mode)" | Should -Be $Mode
                $result.Success | Should -BeTrue
                $result.SleepSeconds | Should -Be 0.2
                $result.DurationSeconds | Should -BeGreaterOrEqual 0.18
                $result.EndSeconds | Should -BeGreaterThan $result.StartSeconds
                foreach ($name in $ResultProperties) {
                    $result.PSObject.Properties.Name | Should -Contain $name
                }
            }
        }

        It 'runs Sequential one item at a time on one thread' {
            $results = @(Invoke-SleepDemo -Mode Sequential -Count 3 -Seconds 0.2 | Sort-Object StartSeconds)

            @($results.ThreadId | Sort-Object -Unique).Count | Should -Be 1
            for ($i = 1; $i -lt $results.Count; $i++) {
                $results[$i].StartSeconds | Should -BeGreaterOrEqual ($results[$i - 1].EndSeconds - 0.001)
            }
        }

        It 'overlaps the items in <Mode> mode' -ForEach @(@{ Mode = 'Thread' }, @{ Mode = 'Pool' }, @{ Mode = 'Async' }) {
            $results = @(Invoke-SleepDemo -Mode $Mode -Count 4 -Seconds 0.5)

            # One after another they would take 2 seconds.
            ($results | Measure-Object -Property EndSeconds -Maximum).Maximum | Should -BeLessThan 1.5
            @($results.Worker | Sort-Object -Unique).Count | Should -BeGreaterThan 1
        }

        It 'runs Process items in other processes' {
            $results = @(Invoke-SleepDemo -Mode Process -Count 2 -Seconds 0.1)

            $results.Count | Should -Be 2
            foreach ($result in $results) {
                $result.ProcessId | Should -Not -Be $PID
                $result.Worker | Should -BeLike 'Proc-*'
            }
            Wait-NoChildPwsh | Should -BeNullOrEmpty
        }

        It 'runs several modes one after another, each as its own run' {
            $results = @(Invoke-SleepDemo -Mode 'Thread', 'Async' -Count 2 -Seconds 0.1)

            $results.Count | Should -Be 4
            @($results.RunId | Sort-Object -Unique).Count | Should -Be 2
            "$($results[0].Mode)" | Should -Be 'Thread'
            "$($results[-1].Mode)" | Should -Be 'Async'
        }
    }

    Context 'input' {
        It 'makes one item per -Seconds value' {
            $results = @(Invoke-SleepDemo -Mode Thread -Seconds 0.3, 0.2, 0.1 | Sort-Object Index)

            $results.Count | Should -Be 3
            $results.SleepSeconds | Should -Be @(0.3, 0.2, 0.1)
        }

        It 'makes -Count items of a single -Seconds value' {
            $results = @(Invoke-SleepDemo -Mode Async -Count 3 -Seconds 0.1)

            $results.Count | Should -Be 3
            $results.SleepSeconds | Should -Be @(0.1, 0.1, 0.1)
        }

        It 'takes seconds from the pipeline, one item per value' {
            $results = @(0.1, 0.2 | Invoke-SleepDemo -Mode Async | Sort-Object Index)

            $results.Count | Should -Be 2
            $results.SleepSeconds | Should -Be @(0.1, 0.2)
        }

        It 'takes SleepSeconds by property name, so results can be run again in another mode' {
            $first = @(Invoke-SleepDemo -Mode Sequential -Seconds 0.1, 0.2)
            $again = @($first | Invoke-SleepDemo -Mode Async | Sort-Object Index)

            $again.Count | Should -Be 2
            "$($again[0].Mode)" | Should -Be 'Async'
            $again.SleepSeconds | Should -Be @(0.1, 0.2)
        }

        It 'writes results as they finish, or in input order with -Ordered' {
            $asCompleted = @(Invoke-SleepDemo -Mode Thread -Seconds 0.4, 0.3, 0.2, 0.1)
            $ordered = @(Invoke-SleepDemo -Mode Thread -Seconds 0.4, 0.3, 0.2, 0.1 -Ordered)

            $asCompleted.Index | Should -Be @(3, 2, 1, 0)
            $ordered.Index | Should -Be @(0, 1, 2, 3)
        }

        It 'rejects -<Name> <Value> with a terminating parameter error' -ForEach @(
            @{ Name = 'Count'; Value = -1 }
            @{ Name = 'Seconds'; Value = -1 }
            @{ Name = 'Seconds'; Value = 86401 }
            @{ Name = 'ThrottleLimit'; Value = -1 }
        ) {
            $arguments = @{ $Name = $Value; Mode = 'Async' }
            { Invoke-SleepDemo @arguments } | Should -Throw -ErrorId 'ParameterArgumentValidationError,ConcurrencyDemo.InvokeSleepDemoCommand'
        }

        It 'rejects an unknown -Mode' {
            { Invoke-SleepDemo -Mode Fibers -Count 1 } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException]) -ExpectedMessage '*Mode*'
        }

        It 'refuses -Count with several -Seconds values, naming -Count' {
            { Invoke-SleepDemo -Count 3 -Seconds 0.1, 0.2 } | Should -Throw -ErrorId 'InvalidCount,ConcurrencyDemo.InvokeSleepDemoCommand' -ExpectedMessage '*-Count*'
        }
    }

    Context 'output' {
        It 'survives an Export-Csv and Import-Csv round trip' {
            $path = Join-Path $TestDrive 'sleep.csv'
            $results = @(Invoke-SleepDemo -Mode Async -Count 3 -Seconds 0.1 -Ordered)

            $results | Export-Csv -LiteralPath $path
            $imported = @(Import-Csv -LiteralPath $path)

            $imported.Count | Should -Be 3
            $imported[0].PSObject.Properties.Name | Should -Be $results[0].PSObject.Properties.Name
            $imported.Index | Should -Be @('0', '1', '2')
            $imported.Mode | Should -Be @('Async', 'Async', 'Async')
        }

        It 'shows a table by default, one group per run' {
            # Plain text, so that header colours do not come between the words matched below.
            $rendering = $PSStyle.OutputRendering
            try {
                $PSStyle.OutputRendering = 'PlainText'
                $text = Invoke-SleepDemo -Mode Async -Count 2 -Seconds 0.1 | Out-String -Width 200
            } finally {
                $PSStyle.OutputRendering = $rendering
            }

            $text | Should -Match 'Run: Async'
            $text | Should -Match 'Index\s+SleepSeconds\s+Worker\s+StartSeconds\s+EndSeconds\s+DurationSeconds'
            $text | Should -Match 'Task-\d'
        }

        It 'says what each item does on the verbose stream' {
            $records = @(Invoke-SleepDemo -Mode Thread -Count 2 -Seconds 0.1 -Verbose 4>&1)
            $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message

            $verbose | Should -Contain '[Thread-1] Sleeping 0.1 second(s)...'
            ($verbose -join "`n") | Should -Match 'Thread: 2 item\(s\) in [\d.]+ s'
            @($records | Where-Object { $_ -is [ConcurrencyDemo.Engine.Results.SleepResult] }).Count | Should -Be 2
        }

        It 'writes no verbose output without -Verbose' {
            $records = @(Invoke-SleepDemo -Mode Async -Count 1 -Seconds 0.1 4>&1)

            @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
        }
    }

    Context 'stopping' {
        It 'returns promptly after Select-Object -First 1 in <Mode> mode and leaves no worker process' -ForEach @(
            @{ Mode = 'Thread' }, @{ Mode = 'Process' }
        ) {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $first = @(Invoke-SleepDemo -Mode $Mode -ThrottleLimit 2 -Seconds 0.1, 30, 30 | Select-Object -First 1)
            $watch.Stop()

            $first.Count | Should -Be 1
            $first[0].SleepSeconds | Should -Be 0.1
            # Worker processes take a few seconds to start; the 30-second items must not be waited for.
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 20
            Wait-NoChildPwsh | Should -BeNullOrEmpty
            if ($Mode -eq 'Process') {
                Get-Process -Id $first[0].ProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            }
        }

        It 'stops cleanly when the pipeline is stopped, as Ctrl+C does, in <Mode> mode' -ForEach @(
            @{ Mode = 'Thread' }, @{ Mode = 'Process' }
        ) {
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ModulePath).AddStatement()
                $null = $shell.AddCommand('Invoke-SleepDemo').AddParameter('Mode', $Mode).AddParameter('Count', 2).AddParameter('Seconds', 30)
                $null = $shell.BeginInvoke()
                Start-Sleep -Seconds 2

                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                $shell.Stop()
                $watch.Stop()

                $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
                "$($shell.InvocationStateInfo.State)" | Should -Be 'Stopped'
                $shell.Streams.Error.Count | Should -Be 0
                Wait-NoChildPwsh | Should -BeNullOrEmpty
            } finally {
                $shell.Dispose()
            }
        }
    }
}
