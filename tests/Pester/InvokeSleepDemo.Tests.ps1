#Requires -Version 7.4
# Pester 5 tests of the staged module, run in a fresh pwsh by `./build.ps1 -Task Test`, or by hand after
# `./build.ps1`:  Invoke-Pester ./tests/Pester
# $env:CONCURRENCYDEMO_MODULE may name another ConcurrencyDemo.psd1, e.g. src/ConcurrencyDemo/bin/Debug/net8.0.
# Sleeps are short (a tenth of a second to half a second) and every timing bound leaves slack for a busy machine.

Describe 'Invoke-SleepDemo' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSupport.ps1')
        $ModulePath = Get-TestModulePath
        Import-Module $ModulePath -Force

        $ResultProperties = @(
            'RunId', 'Workload', 'Mode', 'ThrottleLimit', 'Index', 'Label', 'StartSeconds', 'EndSeconds', 'DurationSeconds',
            'Worker', 'WorkerStartSeconds', 'WorkerReadySeconds', 'ThreadId', 'ProcessId', 'WorkerHost', 'Success', 'Failure', 'Error', 'SleepSeconds'
        )

        # A new pwsh like this one (as a .NET tool this process is the dotnet host running pwsh.dll).
        $PwshCommand = @(Get-PwshCommand)
    }

    Context 'the module' {
        It 'exports its cmdlets and nothing else' {
            $commands = @(Get-Command -Module ConcurrencyDemo | Sort-Object Name)
            $commands.Name | Should -Be @('Convert-ImageBatch', 'Export-ConcurrencyTimeline', 'Get-DemoImageServer', 'Get-ImageBatch', 'Invoke-SleepDemo', 'Measure-ConcurrencyRun', 'Show-ConcurrencyTimeline', 'Start-DemoImageServer', 'Stop-DemoImageServer')
            foreach ($command in $commands) { "$($command.CommandType)" | Should -Be 'Cmdlet' }
        }

        It 'has a table view for SleepResult' {
            $format = Get-FormatData -TypeName 'ConcurrencyDemo.Engine.Workloads.Sleep.SleepResult'
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
                $result | Should -BeOfType ([ConcurrencyDemo.Engine.Workloads.Sleep.SleepResult])
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
            Wait-NoChildProcess | Should -BeNullOrEmpty
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
            { Invoke-SleepDemo @arguments } | Should -Throw -ErrorId 'ParameterArgumentValidationError,ConcurrencyDemo.Commands.InvokeSleepDemoCommand'
        }

        It 'rejects an unknown -Mode' {
            { Invoke-SleepDemo -Mode Fibers -Count 1 } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException]) -ExpectedMessage '*Mode*'
        }

        It 'rejects an empty -Seconds list rather than running the default batch' {
            { Invoke-SleepDemo -Seconds @() -Mode Async } | Should -Throw -ErrorId 'ParameterArgumentValidationError,ConcurrencyDemo.Commands.InvokeSleepDemoCommand' -ExpectedMessage '*Seconds*'
        }

        It 'refuses -Count with several -Seconds values, naming -Count' {
            { Invoke-SleepDemo -Count 3 -Seconds 0.1, 0.2 } | Should -Throw -ErrorId 'InvalidCount,ConcurrencyDemo.Commands.InvokeSleepDemoCommand' -ExpectedMessage '*-Count*'
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
            $text | Should -Match 'Index\s+Sleep\(s\)\s+Worker\s+Start\(s\)\s+End\(s\)\s+Thread\s+Process\s+Success'
            $text | Should -Match 'Task-\d'
        }

        It 'fits the default table in 80 columns with the thread, process and success columns kept' {
            $rendering = $PSStyle.OutputRendering
            try {
                $PSStyle.OutputRendering = 'PlainText'
                $lines = @(Invoke-SleepDemo -Mode Process -Count 2 -Seconds 0.1 -ThrottleLimit 2 | Out-String -Width 80 -Stream)
            } finally {
                $PSStyle.OutputRendering = $rendering
            }

            $header = @($lines | Where-Object { $_ -match '^\s*Index\s' })
            $header.Count | Should -Be 1
            $header[0] | Should -Match 'Thread\s+Process\s+Success\s*$'
            foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual 80 }
            # Rows keep their values too: a process id and True in the last columns.
            @($lines | Where-Object { $_ -match '\s\d+\s+\d+\s+True\s*$' }).Count | Should -Be 2
        }

        It 'lists the common fields first and the workload''s last, in Export-Csv as in the CLI''s CSV' {
            $result = Invoke-SleepDemo -Mode Async -Count 1 -Seconds 0
            $names = @(($result | ConvertTo-Csv)[0].Trim('"') -split '","')

            $names | Should -Be $ResultProperties
            $cli = Join-Path $PSScriptRoot '..' '..' 'src' 'ConcurrencyDemo.Cli' 'bin' 'Release' 'net8.0' 'concurrency-demo.dll'
            if (Test-Path -LiteralPath $cli) {
                $header = (& dotnet $cli sleep --mode async --count 1 --seconds 0 --format csv)[0]
                $header | Should -Be ($names -join ',')
            }
        }

        It 'says what each item does on the verbose stream' {
            $records = @(Invoke-SleepDemo -Mode Thread -Count 2 -Seconds 0.1 -Verbose 4>&1)
            $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message

            # Each line starts with its time in the run, as the CLI's do, so overlap shows in the verbose stream.
            $verbose | Should -Contain ($verbose | Where-Object { $_ -match '^\[\d+\.\d{3} s\] Thread-1 item \d: Sleeping 0\.1 second\(s\)\.\.\.$' } | Select-Object -First 1)
            @($verbose | Where-Object { $_ -match '^\[\d+\.\d{3} s\] Thread-\d item \d: ' }).Count | Should -Be 4
            ($verbose -join "`n") | Should -Match 'Thread: 2 item\(s\) in [\d.]+ s'
            @($records | Where-Object { $_ -is [ConcurrencyDemo.Engine.Workloads.Sleep.SleepResult] }).Count | Should -Be 2
        }

        It 'prints debug lines under -Debug in a non-interactive pwsh, without asking or failing, <Stdin>' -ForEach @(
            @{ Stdin = 'with no input' }, @{ Stdin = 'with redirected input' }
        ) {
            $script = "Import-Module '$($ModulePath.Replace("'", "''"))'; Invoke-SleepDemo -Mode Thread -Count 3 -Seconds 0.2 -Debug | Out-Null; 'finished'"
            $arguments = @($PwshCommand | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $script)
            $output = if ($Stdin -eq 'with redirected input') {
                @('' | & $PwshCommand[0] @arguments 2>&1)
            } else {
                @(& $PwshCommand[0] @arguments 2>&1)
            }

            $LASTEXITCODE | Should -Be 0
            ($output -join "`n") | Should -Not -Match 'NonInteractive|Object reference|Prompt'
            $output[-1] | Should -Be 'finished'
            @($output | Where-Object { "$_" -match 'item \d: started' }).Count | Should -Be 3
        }

        It 'sleeps in -Steps equal steps with a verbose line at each, the lines of two items interleaved' {
            $records = @(Invoke-SleepDemo -Mode Thread -Seconds 1.2, 1.2 -Steps 3 -Verbose 4>&1)
            $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
            $results = @($records | Where-Object { $_ -is [ConcurrencyDemo.Engine.Workloads.Sleep.SleepResult] })

            $results.Count | Should -Be 2
            foreach ($result in $results) { $result.DurationSeconds | Should -BeGreaterOrEqual 1.18 }
            @($verbose | Where-Object { $_ -match '^\[\d+\.\d{3} s\] Thread-\d item \d: Step [123] of 3 \(0\.4 s\)$' }).Count | Should -Be 6
            # Each item's second step begins before either item's third.
            $lastSecond = [array]::FindLastIndex([string[]] $verbose, [Predicate[string]] { param($line) $line -match 'Step 2 of 3' })
            $firstThird = [array]::FindIndex([string[]] $verbose, [Predicate[string]] { param($line) $line -match 'Step 3 of 3' })
            $lastSecond | Should -BeLessThan $firstThird
        }

        It 'rejects -Steps 0 before it runs' {
            { Invoke-SleepDemo -Steps 0 -Mode Async } | Should -Throw -ErrorId 'ParameterArgumentValidationError,ConcurrencyDemo.Commands.InvokeSleepDemoCommand'
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
            Wait-NoChildProcess | Should -BeNullOrEmpty
            if ($Mode -eq 'Process') {
                Get-Process -Id $first[0].ProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            }
        }

        It 'stops cleanly when the pipeline is stopped, as Ctrl+C does, in <Mode> mode' -ForEach @(
            @{ Mode = 'Thread' }, @{ Mode = 'Process' }
        ) {
            # One command, not a batch of statements: PowerShell itself records an error when a batch is stopped.
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ModulePath).Invoke()
                $shell.Commands.Clear()
                $null = $shell.AddCommand('Invoke-SleepDemo').AddParameter('Mode', $Mode).AddParameter('Count', 2).AddParameter('Seconds', 30).AddParameter('Verbose')
                $null = $shell.BeginInvoke()
                # Both items asleep (in their worker processes, in Process mode) before the stop.
                Wait-Until { @($shell.Streams.Verbose | Where-Object Message -Match 'Sleeping 30').Count -eq 2 } | Should -BeTrue
                $workers = @(Get-ChildProcess)
                if ($Mode -eq 'Process') { $workers.Count | Should -Be 2 }

                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                $shell.Stop()
                $watch.Stop()

                $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
                "$($shell.InvocationStateInfo.State)" | Should -Be 'Stopped'
                $shell.Streams.Error.Count | Should -Be 0
                Wait-NoChildProcess | Should -BeNullOrEmpty
                foreach ($worker in $workers) { $worker.HasExited | Should -BeTrue }
            } finally {
                $shell.Dispose()
            }
        }
    }

    Context 'a worker process that dies' {
        It 'fails its item but keeps the item''s inputs, so the failed items can be run again' {
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ModulePath).Invoke()
                $shell.Commands.Clear()
                $null = $shell.AddCommand('Invoke-SleepDemo').AddParameter('Mode', 'Process').AddParameter('Count', 1).AddParameter('Seconds', 7).AddParameter('Verbose')
                $noInput = [System.Management.Automation.PSDataCollection[psobject]]::new()
                $noInput.Complete()
                $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
                $null = $shell.BeginInvoke($noInput, $output)
                Wait-Until { @($shell.Streams.Verbose | Where-Object Message -Match 'Sleeping 7').Count -eq 1 } | Should -BeTrue
                $worker = @(Get-ChildProcess)
                $worker.Count | Should -Be 1
                $worker[0].Kill()
                Wait-Until { $shell.InvocationStateInfo.State -ne 'Running' } | Should -BeTrue

                $output.Count | Should -Be 1
                $failed = $output[0]
                $failed.Success | Should -BeFalse
                "$($failed.Failure)" | Should -Be 'WorkerDied'
                $failed.Error | Should -Match 'exited'
                $failed.SleepSeconds | Should -Be 7
                $failed.ThreadId | Should -Not -Be 0
                $shell.Streams.Error.Count | Should -Be 1
                # The kind of failure, not its words, makes the error id and category.
                $shell.Streams.Error[0].FullyQualifiedErrorId | Should -Be 'WorkerDied,ConcurrencyDemo.Commands.InvokeSleepDemoCommand'
                "$($shell.Streams.Error[0].CategoryInfo.Category)" | Should -Be 'ResourceUnavailable'
                $shell.Streams.Error[0].TargetObject.SleepSeconds | Should -Be 7
                Wait-NoChildProcess | Should -BeNullOrEmpty
            } finally {
                $shell.Dispose()
            }
        }
    }

    Context 'progress' {
        It 'says how many worker processes are ready while they start' {
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ModulePath).Invoke()
                $shell.Commands.Clear()
                $null = $shell.AddCommand('Invoke-SleepDemo').AddParameter('Mode', 'Process').AddParameter('Count', 2).AddParameter('Seconds', 0.1).AddParameter('ThrottleLimit', 2).Invoke()

                $status = @($shell.Streams.Progress.StatusDescription)
                $status[0] | Should -Be 'Starting worker processes: 0 of 2 ready; 0 of 2 item(s) done'
                $status | Should -Contain 'Starting worker processes: 1 of 2 ready; 0 of 2 item(s) done'
                $status | Should -Contain '2 of 2 item(s) done'
            } finally {
                $shell.Dispose()
            }
        }
    }
}

Describe 'The repository''s manifest' {
    BeforeAll {
        $SourceManifest = Join-Path $PSScriptRoot '..' '..' 'ConcurrencyDemo.psd1'
    }

    It 'passes Test-ModuleManifest in the source tree and in the staged module' {
        { Test-ModuleManifest -Path $SourceManifest -ErrorAction Stop } | Should -Not -Throw
        $ModulePath = if ($env:CONCURRENCYDEMO_MODULE) { $env:CONCURRENCYDEMO_MODULE } else { Join-Path $PSScriptRoot '..' '..' 'out' 'ConcurrencyDemo' 'ConcurrencyDemo.psd1' }
        (Test-ModuleManifest -Path $ModulePath -ErrorAction Stop).Version | Should -Be (Test-ModuleManifest -Path $SourceManifest).Version
    }

    It 'says in one line to run ./build.ps1 Build when imported before a build' {
        # A clone with nothing built: the manifest and its stand-in root module, and no out/ folder.
        $clone = Join-Path $TestDrive 'clone'
        $null = New-Item -ItemType Directory -Path (Join-Path $clone 'build') -Force
        Copy-Item -LiteralPath $SourceManifest -Destination $clone
        Copy-Item -LiteralPath (Join-Path $PSScriptRoot '..' '..' 'build' 'SourceTreeModule.psm1') -Destination (Join-Path $clone 'build')

        $failure = $null
        try { Import-Module (Join-Path $clone 'ConcurrencyDemo.psd1') -ErrorAction Stop } catch { $failure = $_ }

        $failure | Should -Not -BeNullOrEmpty
        $failure.Exception.Message | Should -BeLike '*run ./build.ps1 Build*'
        $failure.Exception.Message | Should -Not -Match "`n"
        $failure.Exception.Message | Should -Not -Match 'Cannot find path'
    }
}
