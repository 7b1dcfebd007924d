#Requires -Version 7.4
# Pester 5/6 tests of Process mode's worker processes in the staged module: the .NET worker program by default (its
# native build where the module has one for this machine, else the portable one), pwsh when CONCURRENCYDEMO_WORKER_HOST
# forces it, and no worker left behind either way. Run in a fresh pwsh after
# `./build.ps1`:  Invoke-Pester ./tests/Pester/ProcessWorker.Tests.ps1
# $env:CONCURRENCYDEMO_MODULE may name another ConcurrencyDemo.psd1, e.g. src/ConcurrencyDemo/bin/Debug/net8.0.
# Timing bounds are generous: they tell overlapping workers from one-after-another, not a fast machine from a slow one.

Describe 'Process mode worker processes' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSupport.ps1')
        $ModulePath = Get-TestModulePath
        Import-Module $ModulePath -Force
        $ModuleFolder = Split-Path -Parent (Get-Module ConcurrencyDemo).Path

        # A copy of the staged module in the test drive, for tests that change the module folder.
        function Copy-TestModule {
            $copy = Join-Path $TestDrive ([guid]::NewGuid().ToString('n')) 'ConcurrencyDemo'
            $null = New-Item -ItemType Directory -Path (Split-Path -Parent $copy)
            Copy-Item -LiteralPath $ModuleFolder -Destination $copy -Recurse
            $copy
        }

        # A copy as above, for a test of the native worker: $null, and the test skipped, when the module has none.
        function Copy-TestModuleWithNativeWorker {
            $copy = Copy-TestModule
            if (@(Get-NativeWorkerFile -Folder $copy).Count -gt 0) { return $copy }
            Set-ItResult -Skipped -Because "the module in $ModuleFolder has no native worker"
        }

        # The native worker programs of a module folder (one per instruction set the build staged), or none.
        function Get-NativeWorkerFile {
            param([string] $Folder)
            Get-ChildItem -Path (Join-Path $Folder 'native' '*' 'ConcurrencyDemo.Worker') -File -ErrorAction SilentlyContinue
        }

        # Two sleeps in Process mode in a pwsh of its own that imports the module in Folder (this session has the
        # staged one loaded): the debug lines, then "succeeded: N" for the items a .NET worker ran.
        function Invoke-SleepInModuleCopy {
            param([string] $Folder)
            Start-Job -ArgumentList (Join-Path $Folder 'ConcurrencyDemo.psd1') -ScriptBlock {
                param([string] $Manifest)
                Import-Module $Manifest
                $DebugPreference = 'Continue'
                $output = @(Invoke-SleepDemo -Mode Process -Count 2 -Seconds 0 5>&1)
                $output | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
                "succeeded: $(@($output | Where-Object { $_.Success -and $_.WorkerHost -eq 'dotnet' }).Count)"
            } | Receive-Job -Wait -AutoRemoveJob
        }

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

            $debug | Where-Object { $_ -like 'Process: each worker process is *ConcurrencyDemo.Worker*, a dotnet worker, because *' } |
                Should -Not -BeNullOrEmpty
        }

        It 'starts the native worker for this platform and processor when the module has one' {
            # ./build.ps1 stages one for the machine that built it, on Linux x64 with clang (native/<rid>-<instruction set>).
            $runtime = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
            $native = @(Get-NativeWorkerFile -Folder $ModuleFolder | Where-Object { $_.Directory.Name -like "$runtime-*" })
            if ($native.Count -eq 0) {
                Set-ItResult -Skipped -Because "the module in $ModuleFolder has no native worker for this platform"
                return
            }
            $DebugPreference = 'Continue'
            $output = @(Invoke-SleepDemo -Mode Process -Count 2 -Seconds 0 5>&1)
            $debug = @($output | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
            $results = @($output | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] })

            # The module takes the widest instruction set this processor runs, when the build staged more than one.
            $debug | Where-Object { $_ -like "Process: each worker process is $ModuleFolder/native/$runtime-*/ConcurrencyDemo.Worker, a dotnet worker, because the module has the worker compiled natively for *" } |
                Should -Not -BeNullOrEmpty
            $results.Count | Should -Be 2
            @($results | Where-Object { $_.Success -and $_.WorkerHost -eq 'dotnet' -and $_.ProcessId -ne $PID }).Count | Should -Be 2
            Wait-NoChildProcess | Should -BeNullOrEmpty
        }

        It 'starts the AVX2 native worker where the module has no wider one, as on a processor without AVX-512' -Skip:$IsWindows {
            # A build on an AVX-512 machine stages avx2 beside avx512, so that its package serves AVX2-only processors
            # natively too; this machine runs both, so a copy without the avx512 folder stands for such a processor.
            $copy = Copy-TestModuleWithNativeWorker
            if (-not $copy) { return }
            $runtime = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
            $staged = @(Get-NativeWorkerFile -Folder $copy | ForEach-Object { $_.Directory.Name })
            if ($staged -notcontains "$runtime-avx2") {
                $staged | Should -Not -Contain "$runtime-avx512" -Because 'a build that staged the AVX-512 worker stages the AVX2 one too'
                Set-ItResult -Skipped -Because "the module in $ModuleFolder has no AVX2 native worker for this platform"
                return
            }
            Remove-Item -LiteralPath (Join-Path $copy 'native' "$runtime-avx512") -Recurse -Force -ErrorAction Ignore

            $lines = Invoke-SleepInModuleCopy -Folder $copy

            $lines | Where-Object { $_ -like "Process: each worker process is $copy/native/$runtime-avx2/ConcurrencyDemo.Worker, a dotnet worker, because the module has the worker compiled natively for *" } |
                Should -Not -BeNullOrEmpty
            $lines | Should -Contain 'succeeded: 2'
        }

        It 'gives the native worker back the execute permission a package took, and starts it' -Skip:$IsWindows {
            # Install-PSResource leaves it so: a package's archive keeps no permissions. A copy of the module, so that
            # the staged one is left alone.
            $copy = Copy-TestModuleWithNativeWorker
            if (-not $copy) { return }
            $native = @(Get-NativeWorkerFile -Folder $copy)
            $executable = [IO.UnixFileMode]'UserExecute, GroupExecute, OtherExecute'
            foreach ($file in $native) { $file.UnixFileMode = $file.UnixFileMode -band -bnot $executable }

            $lines = Invoke-SleepInModuleCopy -Folder $copy

            $chosen = @($lines | Where-Object { $_ -like "Process: each worker process is $copy/native/*/ConcurrencyDemo.Worker, a dotnet worker, because * (its execute permission, which the package had not kept, was given back)." })
            $chosen | Should -HaveCount 1
            $lines | Should -Contain 'succeeded: 2'
            # The one it started, the widest this processor runs; a narrower one stays as the package left it.
            $started = $native | Where-Object { $chosen[0] -like "Process: each worker process is $($_.FullName), *" }
            $started | Should -HaveCount 1
            (Get-Item -LiteralPath $started.FullName).UnixFileMode -band $executable | Should -Not -Be 0
        }

        It 'starts the portable worker, and says why, where the native one does not run on this machine' -Skip:$IsWindows {
            # As a native worker linked against a newer C library than this Linux has would: it stops before it is ready.
            $copy = Copy-TestModuleWithNativeWorker
            if (-not $copy) { return }
            $native = @(Get-NativeWorkerFile -Folder $copy)
            foreach ($file in $native) { Set-Content -LiteralPath $file.FullName -Value "#!/bin/sh`necho 'cannot run here' >&2`nexit 3" }

            $lines = Invoke-SleepInModuleCopy -Folder $copy

            $lines | Where-Object { $_ -like "Process: each worker process is * running $(Join-Path $copy 'ConcurrencyDemo.Worker.dll'), a dotnet worker, because * and the native worker $copy/native/*/ConcurrencyDemo.Worker does not run here (it exited with code 3 before it was ready: cannot run here)." } |
                Should -Not -BeNullOrEmpty
            $lines | Should -Contain 'succeeded: 2'
        }

        It 'starts the portable worker with the .NET host where the module has no native worker' {
            $copy = Copy-TestModule
            Remove-Item -LiteralPath (Join-Path $copy 'native') -Recurse -Force -ErrorAction SilentlyContinue

            $lines = Invoke-SleepInModuleCopy -Folder $copy

            $lines | Where-Object { $_ -like "Process: each worker process is * running $(Join-Path $copy 'ConcurrencyDemo.Worker.dll'), a dotnet worker, because the .NET host was found as *" } |
                Should -Not -BeNullOrEmpty
            $lines | Should -Contain 'succeeded: 2'
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
