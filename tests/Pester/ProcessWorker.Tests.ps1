#Requires -Version 7.4
# Pester 5/6 tests of Process mode's worker processes in the staged module: the .NET worker program by default,
# pwsh when CONCURRENCYDEMO_WORKER_HOST forces it, and no worker left behind either way. Run in a fresh pwsh after
# `./build.ps1`:  Invoke-Pester ./tests/Pester/ProcessWorker.Tests.ps1
# $env:CONCURRENCYDEMO_MODULE may name another ConcurrencyDemo.psd1, e.g. src/ConcurrencyDemo/bin/Debug/net8.0.
# Timing bounds are generous: they tell overlapping workers from one-after-another, not a fast machine from a slow one.

Describe 'Process mode worker processes' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSupport.ps1')
        $ModulePath = Get-TestModulePath
        Import-Module $ModulePath -Force

        $WorkerHostVariable = 'CONCURRENCYDEMO_WORKER_HOST'
        $SavedWorkerHost = [Environment]::GetEnvironmentVariable($WorkerHostVariable)
    }

    AfterEach {
        [Environment]::SetEnvironmentVariable($WorkerHostVariable, $SavedWorkerHost)
    }

    It 'has no child process before the tests start' {
        Wait-NoChildProcess | Should -BeNullOrEmpty
    }

    Context 'by default' {
        BeforeEach {
            [Environment]::SetEnvironmentVariable($WorkerHostVariable, $null)
        }

        It 'runs each item in a .NET worker process and says so' {
            $results = @(Invoke-SleepDemo -Mode Process -Count 2 -Seconds 0.1)

            $results.Count | Should -Be 2
            foreach ($result in $results) {
                $result.Success | Should -BeTrue
                $result.WorkerHost | Should -Be 'dotnet'
                $result.ProcessId | Should -Not -Be $PID
            }
            Wait-NoChildProcess | Should -BeNullOrEmpty
        }

        It 'says in the debug stream which worker command it chose' {
            $DebugPreference = 'Continue'
            $debug = @(Invoke-SleepDemo -Mode Process -Count 1 -Seconds 0 5>&1 |
                Where-Object { $_ -is [System.Management.Automation.DebugRecord] } |
                ForEach-Object Message)

            $debug | Where-Object { $_ -like 'Process: each worker process is *ConcurrencyDemo.Worker.dll, a dotnet worker, because *' } |
                Should -Not -BeNullOrEmpty
        }

        It 'starts the worker precompiled for this platform and .NET version when the module has one' {
            # ./build.ps1 stages one for the machine that built it, for .NET 10; pwsh on another version runs the portable one.
            $precompiled = Join-Path (Split-Path -Parent (Get-Module ConcurrencyDemo).Path) 'precompiled' (
                "$([System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier)-net$([Environment]::Version.Major)") 'ConcurrencyDemo.Worker.dll'
            if (-not (Test-Path -LiteralPath $precompiled)) {
                Set-ItResult -Skipped -Because "the module has no $precompiled (pwsh runs on .NET $([Environment]::Version.Major))"
                return
            }
            # Only a dotnet known to run PowerShell's own runtime may start precompiled code: pwsh as a .NET tool, or a
            # pwsh on a shared .NET installation. A pwsh that carries its own runtime starts the portable worker.
            if ([System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory() -notmatch '[\\/]shared[\\/]Microsoft\.NETCore\.App[\\/]') {
                Set-ItResult -Skipped -Because 'this pwsh carries its own .NET runtime, so its workers are the portable program'
                return
            }
            $DebugPreference = 'Continue'
            $output = @(Invoke-SleepDemo -Mode Process -Count 2 -Seconds 0 5>&1)
            $debug = @($output | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
            $results = @($output | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] })

            $debug | Where-Object { $_ -like "Process: each worker process is * running $precompiled, a dotnet worker, because *" } |
                Should -Not -BeNullOrEmpty
            $results.Count | Should -Be 2
            @($results | Where-Object { $_.Success -and $_.WorkerHost -eq 'dotnet' -and $_.ProcessId -ne $PID }).Count | Should -Be 2
            Wait-NoChildProcess | Should -BeNullOrEmpty
        }

        It 'overlaps ten half-second items on ten .NET workers' {
            $results = @(Invoke-SleepDemo -Mode Process -Count 10 -ThrottleLimit 10 -Seconds 0.5)

            $results.Count | Should -Be 10
            @($results | Where-Object Success).Count | Should -Be 10
            @($results.ProcessId | Sort-Object -Unique).Count | Should -Be 10
            # One after another they would end at 5 s; overlapping, the last ends soon after the slowest worker is ready.
            ($results | Measure-Object -Property EndSeconds -Maximum).Maximum | Should -BeLessThan 4
            Wait-NoChildProcess | Should -BeNullOrEmpty
        }

        It 'leaves no worker behind when the pipeline stops early' {
            # Two workers are still in their five-second sleep when Select-Object stops the pipeline.
            $first = @(Invoke-SleepDemo -Mode Process -ThrottleLimit 4 -Seconds 0.1, 0.1, 5, 5 | Select-Object -First 1)

            $first.Count | Should -Be 1
            Wait-NoChildProcess | Should -BeNullOrEmpty
        }

        It 'says in-process for the modes that start no worker process' {
            $results = @(Invoke-SleepDemo -Mode Sequential, Thread, Pool, Async -Count 1 -Seconds 0)

            $results.Count | Should -Be 4
            $results.WorkerHost | Sort-Object -Unique | Should -Be 'in-process'
        }
    }

    Context 'with CONCURRENCYDEMO_WORKER_HOST' {
        It 'runs pwsh workers when it is pwsh' {
            [Environment]::SetEnvironmentVariable($WorkerHostVariable, 'pwsh')

            $results = @(Invoke-SleepDemo -Mode Process -Count 2 -ThrottleLimit 2 -Seconds 0.1)

            $results.Count | Should -Be 2
            foreach ($result in $results) {
                $result.Success | Should -BeTrue
                $result.WorkerHost | Should -Be 'pwsh'
                $result.ProcessId | Should -Not -Be $PID
            }
            Wait-NoChildProcess | Should -BeNullOrEmpty
        }

        It 'runs .NET workers when it is <Value>' -ForEach @(@{ Value = 'dotnet' }, @{ Value = 'AUTO' }) {
            [Environment]::SetEnvironmentVariable($WorkerHostVariable, $Value)

            $results = @(Invoke-SleepDemo -Mode Process -Count 1 -Seconds 0)

            $results[0].WorkerHost | Should -Be 'dotnet'
            Wait-NoChildProcess | Should -BeNullOrEmpty
        }

        It 'stops before any run with a clear error when the value is unknown' {
            [Environment]::SetEnvironmentVariable($WorkerHostVariable, 'python')
            $written = [System.Collections.Generic.List[object]]::new()

            { Invoke-SleepDemo -Mode Thread, Process -Count 1 -Seconds 0 -ErrorAction Stop | ForEach-Object { $written.Add($_) } } |
                Should -Throw -ErrorId 'InvalidWorkerHostSetting,ConcurrencyDemo.Commands.InvokeSleepDemoCommand' -ExpectedMessage "*CONCURRENCYDEMO_WORKER_HOST is 'python'*"
            # The Thread run comes first, yet wrote nothing: the setting is checked before any run starts.
            $written.Count | Should -Be 0
        }
    }
}
