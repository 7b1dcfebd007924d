#Requires -Version 7.4
# Pester tests of Measure-ConcurrencyRun, Show-ConcurrencyTimeline and Export-ConcurrencyTimeline against the staged
# module (see InvokeSleepDemo.Tests.ps1 for how they run). Their input is real results: short sleeps in several
# modes, a Process run, and two small photos converted, made once in BeforeAll; and the same read back by Import-Csv.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $ModulePath = Get-TestModulePath
    Import-Module $ModulePath -Force

    $Sleeps = @(Invoke-SleepDemo -Mode Sequential, Thread, Pool -Count 4 -Seconds 0.25)
    $ProcessRun = @(Invoke-SleepDemo -Mode Process -Count 4 -Seconds 0.1 -ThrottleLimit 2)
    $Photos = Join-Path $TestDrive 'photos'
    $null = New-Item -ItemType Directory -Path $Photos
    foreach ($i in 1..2) {
        [ConcurrencyDemo.Imaging.Samples.SamplePhoto]::WriteJpeg((Join-Path $Photos "photo$i.jpg"), 320, 240, $i)
    }
    $Conversions = @(Get-ChildItem -LiteralPath $Photos -Filter *.jpg |
            Convert-ImageBatch -Mode Sequential, Pool -ThrottleLimit 2 -Destination (Join-Path $TestDrive 'small') -MaxSize 100 -Force)
    $CsvPath = Join-Path $TestDrive 'sleeps.csv'
    $Sleeps | Export-Csv -LiteralPath $CsvPath
    $FromCsv = @(Import-Csv -LiteralPath $CsvPath)

    # The chart of some results, as plain text of the given width, whatever this session's rendering is.
    function Get-PlainChart {
        param([object[]] $InputObject, [int] $Width = 80)
        $rendering = $PSStyle.OutputRendering
        try {
            $PSStyle.OutputRendering = 'PlainText'
            @($InputObject | Show-ConcurrencyTimeline -Width $Width)
        } finally {
            $PSStyle.OutputRendering = $rendering
        }
    }

    $Escape = [char] 0x1b
}

Describe 'Measure-ConcurrencyRun' {
    It 'writes one measurement per run of Invoke-SleepDemo, in the order the runs came' {
        $measured = @($Sleeps | Measure-ConcurrencyRun)

        $measured.Count | Should -Be 3
        $measured[0] | Should -BeOfType ([ConcurrencyDemo.Timelines.Measuring.RunMeasurement])
        $measured.Mode | Should -Be @('Sequential', 'Thread', 'Pool')
        $measured.RunId | Should -Be @($Sleeps.RunId | Select-Object -Unique)
        foreach ($run in $measured) {
            $run.Workload | Should -Be 'Sleep'
            $run.Items | Should -Be 4
            $run.Failed | Should -Be 0
            $run.SpeedUpBaseline | Should -Be 'Sequential'
            $run.WorkSeconds | Should -BeGreaterOrEqual 0.95
        }
        $measured[0].SpeedUp | Should -Be 1
        $measured[0].PeakConcurrency | Should -Be 1
        # Four quarter-second sleeps: one second one after another, a quarter of a second side by side.
        $measured[1].PeakConcurrency | Should -Be 4
        $measured[1].SpeedUp | Should -BeGreaterThan 2
        $measured[1].Threads | Should -Be 4
        $measured[1].ElapsedSeconds | Should -BeLessThan $measured[0].ElapsedSeconds
    }

    It 'shows the worker processes and their start-up' {
        $measured = $ProcessRun | Measure-ConcurrencyRun

        $measured.Mode | Should -Be 'Process'
        $measured.Processes | Should -Be 2
        $measured.Lanes | Should -Be 2
        $measured.WorkerHost | Should -Not -Be 'in-process'
        $measured.WorkerStartupSeconds | Should -BeGreaterThan 0
        $measured.SpeedUpBaseline | Should -Be 'WorkSeconds'
    }

    It 'measures the results of Convert-ImageBatch the same way' {
        $measured = @($Conversions | Measure-ConcurrencyRun)

        $measured.Count | Should -Be 2
        $measured.Workload | Should -Be @('Convert', 'Convert')
        $measured.Mode | Should -Be @('Sequential', 'Pool')
        $measured[1].SpeedUpBaseline | Should -Be 'Sequential'
        $measured.Items | Should -Be @(2, 2)
    }

    It 'gives the same figures for the rows Import-Csv reads back, whose values are text' {
        $fromObjects = @($Sleeps | Measure-ConcurrencyRun)
        $fromRows = @($FromCsv | Measure-ConcurrencyRun)

        $fromRows.Count | Should -Be $fromObjects.Count
        for ($i = 0; $i -lt $fromObjects.Count; $i++) {
            foreach ($name in 'RunId', 'Mode', 'ThrottleLimit', 'Items', 'PeakConcurrency', 'Threads', 'SpeedUpBaseline') {
                $fromRows[$i].$name | Should -Be $fromObjects[$i].$name -Because $name
            }
            foreach ($name in 'ElapsedSeconds', 'WorkSeconds', 'SpeedUp', 'WorkerStartupSeconds') {
                [math]::Abs($fromRows[$i].$name - $fromObjects[$i].$name) | Should -BeLessThan 1e-6 -Because $name
            }
        }
    }

    It 'takes the results as -InputObject too' {
        @(Measure-ConcurrencyRun -InputObject $Sleeps).Count | Should -Be 3
    }

    It 'reports an object that is no result as a non-terminating error and measures the others' {
        $errors = $null
        $measured = @(@([pscustomobject]@{ Name = 'not a result' }) + $ProcessRun | Measure-ConcurrencyRun -ErrorVariable errors -ErrorAction SilentlyContinue)

        $measured.Count | Should -Be 1
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidTimelineInput,ConcurrencyDemo.Commands.MeasureConcurrencyRunCommand'
        $errors[0].TargetObject.Name | Should -Be 'not a result'
        $errors[0].Exception.Message | Should -Match 'no RunId property'
    }

    It 'names the field that is not a number' {
        $row = $FromCsv[0].PSObject.Copy()
        $row.StartSeconds = 'soon'

        $errors = $null
        $null = $row | Measure-ConcurrencyRun -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].Exception.Message | Should -Match "StartSeconds 'soon' is not a number"
    }

    It 'has a default table per workload that fits 80 columns' {
        $rendering = $PSStyle.OutputRendering
        try {
            $PSStyle.OutputRendering = 'PlainText'
            $lines = @($Sleeps + $Conversions | Measure-ConcurrencyRun | Out-String -Width 80 -Stream)
        } finally {
            $PSStyle.OutputRendering = $rendering
        }

        @($lines | Where-Object { $_ -match '^\s*Workload: (Sleep|Convert)$' }).Count | Should -Be 2
        @($lines | Where-Object { $_ -match '^Mode\s+Limit\s+Items\s+Failed\s+Elapsed\(s\)\s+Work\(s\)\s+Peak\s+SpeedUp\s+Startup\(s\)$' }).Count | Should -Be 2
        @($lines | Where-Object { $_ -match '^Pool\s+\d+\s+[24]\s+0\s+[\d.]+\s+[\d.]+\s+\d\s+[\d.]+\s+[\d.]+$' }).Count | Should -Be 2
        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual 80 }
    }
}

Describe 'Show-ConcurrencyTimeline' {
    It 'draws ten items on a pool of six as six lanes, four of them with a second round' {
        # Half a second each, so that every pool thread has started long before the first round ends.
        $pool = @(Invoke-SleepDemo -Mode Pool -Count 10 -Seconds 0.5 -ThrottleLimit 6)

        $lines = Get-PlainChart $pool

        $lines[0] | Should -Match '^Pool, throttle limit 6, [\d.]+ s: 10 Sleep items'
        $lanes = @($lines | Where-Object { $_ -match '^Pool-\d\s+\|' })
        $lanes.Count | Should -Be 6
        @($lanes | Where-Object { ($_.ToCharArray() | Where-Object { $_ -eq '[' }).Count -eq 2 }).Count | Should -Be 4
        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual 79 }
        $lines[-1] | Should -Match 'a worker starting'
    }

    It 'writes strings, one per line' {
        $lines = @($Sleeps | Show-ConcurrencyTimeline -Width 60)

        $lines | Should -Not -BeNullOrEmpty
        foreach ($line in $lines) { $line | Should -BeOfType ([string]) }
    }

    It 'draws a worker''s start-up before its first item' {
        $lines = Get-PlainChart $ProcessRun

        @($lines | Where-Object { $_ -match '^Proc-\d\s+\|\s*~+\s*\[' }).Count | Should -Be 2
    }

    It 'draws the rows of Import-Csv as it draws the results themselves' {
        Get-PlainChart $FromCsv | Should -Be (Get-PlainChart $Sleeps)
    }

    It 'draws the results of Convert-ImageBatch' {
        $lines = Get-PlainChart $Conversions

        @($lines | Where-Object { $_ -match '^(Sequential|Pool), throttle limit' }).Count | Should -Be 2
        @($lines | Where-Object { $_ -match '^Pool-[12]\s+\|' }).Count | Should -BeGreaterOrEqual 1
    }

    It 'keeps every line within -Width' {
        foreach ($line in Get-PlainChart $Sleeps -Width 40) { $line.Length | Should -BeLessOrEqual 39 }
    }

    It 'colours the chart through $PSStyle when OutputRendering is Ansi' {
        $rendering = $PSStyle.OutputRendering
        try {
            $PSStyle.OutputRendering = 'Ansi'
            $text = ($Sleeps | Show-ConcurrencyTimeline -Width 80) -join "`n"
        } finally {
            $PSStyle.OutputRendering = $rendering
        }

        $text | Should -Match ([regex]::Escape($PSStyle.Background.Cyan))
        $text | Should -Match ([regex]::Escape($PSStyle.Reset))
    }

    It 'writes plain characters down a pipeline, under <Rendering> rendering' -ForEach @(@{ Rendering = 'Host' }, @{ Rendering = 'PlainText' }) {
        $rendering = $PSStyle.OutputRendering
        $file = Join-Path $TestDrive "chart-$Rendering.txt"
        try {
            $PSStyle.OutputRendering = $Rendering
            $Sleeps | Show-ConcurrencyTimeline | Out-File -LiteralPath $file
            $text = $Sleeps | Show-ConcurrencyTimeline | Out-String
        } finally {
            $PSStyle.OutputRendering = $rendering
        }

        $text | Should -Not -Match $Escape
        Get-Content -LiteralPath $file -Raw | Should -Not -Match $Escape
        Get-Content -LiteralPath $file -Raw | Should -Match 'Thread-1 +\|'
    }

    It 'writes plain characters when pwsh''s own output is redirected' {
        $pwsh = @(Get-PwshCommand)
        $script = "Import-Module '$($ModulePath.Replace("'", "''"))'; `$PSStyle.OutputRendering = 'Host'; Invoke-SleepDemo -Mode Thread -Count 2 -Seconds 0.1 | Show-ConcurrencyTimeline"
        $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $script)

        $output = @(& $pwsh[0] @arguments)

        $LASTEXITCODE | Should -Be 0
        ($output -join "`n") | Should -Match 'Thread-2 +\|'
        ($output -join "`n") | Should -Not -Match $Escape
    }

    It 'draws nothing for no input' {
        @(@() | Show-ConcurrencyTimeline).Count | Should -Be 0
    }
}

Describe 'Export-ConcurrencyTimeline' {
    BeforeEach {
        $Folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $Folder
    }

    It 'writes a Chrome trace for .json: an event per item in its lane, start-ups first, in microseconds' {
        $path = Join-Path $Folder 'runs.json'

        $ProcessRun | Export-ConcurrencyTimeline -Path $path

        $trace = Get-Content -LiteralPath $path -Raw | ConvertFrom-Json
        $items = @($trace.traceEvents | Where-Object { $_.ph -eq 'X' -and $_.cat -eq 'item' })
        $items.Count | Should -Be 4
        $lanes = @($trace.traceEvents | Where-Object name -EQ 'thread_name')
        foreach ($result in $ProcessRun) {
            $event = $items | Where-Object { $_.args.Index -eq $result.Index }
            ($lanes | Where-Object tid -EQ $event.tid).args.name | Should -Be $result.Worker
            [math]::Abs($event.ts - $result.StartSeconds * 1e6) | Should -BeLessThan 0.01
            $startup = $trace.traceEvents | Where-Object { $_.cat -eq 'startup' -and $_.tid -eq $event.tid }
            $startup.ts + $startup.dur | Should -BeLessOrEqual ($event.ts + 0.01)
            [math]::Abs($startup.ts - $result.WorkerStartSeconds * 1e6) | Should -BeLessThan 0.01
        }
    }

    It 'writes an SVG for .svg with one bar per item, and a page for .html' {
        $svgPath = Join-Path $Folder 'runs.svg'
        $htmlPath = Join-Path $Folder 'runs.html'

        $Sleeps | Export-ConcurrencyTimeline -Path $svgPath
        $Sleeps | Export-ConcurrencyTimeline -Path $htmlPath

        $svg = [xml] (Get-Content -LiteralPath $svgPath -Raw)
        @($svg.svg.GetElementsByTagName('rect') | Where-Object { "$($_.class)" -split ' ' -contains 'item' }).Count | Should -Be $Sleeps.Count
        $html = Get-Content -LiteralPath $htmlPath -Raw
        $html | Should -Match '<svg '
        @([regex]::Matches($html, '<tr><td')).Count | Should -Be 3
    }

    It 'takes the format from -Format over the extension' {
        $path = Join-Path $Folder 'runs.txt'

        $Sleeps | Export-ConcurrencyTimeline -Path $path -Format Svg

        ([xml] (Get-Content -LiteralPath $path -Raw)).svg | Should -Not -BeNullOrEmpty
    }

    It 'refuses a file name with no known extension, saying to use -Format' {
        { $Sleeps | Export-ConcurrencyTimeline -Path (Join-Path $Folder 'runs.txt') } |
            Should -Throw -ErrorId 'OutputPathUnusable,ConcurrencyDemo.Commands.ExportConcurrencyTimelineCommand' -ExpectedMessage '*-Format*'
        Get-ChildItem -LiteralPath $Folder -Force | Should -BeNullOrEmpty
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path $Folder 'runs.html'

        $Sleeps | Export-ConcurrencyTimeline -Path $path -WhatIf

        Test-Path -LiteralPath $path | Should -BeFalse
        Get-ChildItem -LiteralPath $Folder -Force | Should -BeNullOrEmpty
    }

    It 'replaces a file as Export-Csv does, but not with -NoClobber' {
        $path = Join-Path $Folder 'runs.svg'
        Set-Content -LiteralPath $path -Value 'keep me'

        { $Sleeps | Export-ConcurrencyTimeline -Path $path -NoClobber } |
            Should -Throw -ErrorId 'NoClobber,ConcurrencyDemo.Commands.ExportConcurrencyTimelineCommand'
        Get-Content -LiteralPath $path | Should -Be 'keep me'

        $Sleeps | Export-ConcurrencyTimeline -Path $path
        Get-Content -LiteralPath $path -Raw | Should -Match '<svg'
        @(Get-ChildItem -LiteralPath $Folder -Force).Count | Should -Be 1
    }

    It 'replaces a read-only file only with -Force' -Skip:$IsWindows {
        $path = Join-Path $Folder 'runs.svg'
        Set-Content -LiteralPath $path -Value 'read-only'
        (Get-Item -LiteralPath $path).IsReadOnly = $true

        { $Sleeps | Export-ConcurrencyTimeline -Path $path } |
            Should -Throw -ErrorId 'FileReadOnly,ConcurrencyDemo.Commands.ExportConcurrencyTimelineCommand' -ExpectedMessage '*-Force*'
        Get-Content -LiteralPath $path | Should -Be 'read-only'
        $Sleeps | Export-ConcurrencyTimeline -Path $path -Force

        Get-Content -LiteralPath $path -Raw | Should -Match '<svg'
    }

    It 'takes -LiteralPath as it is and a relative -Path from the PowerShell location' {
        Push-Location -LiteralPath $Folder
        try {
            $Sleeps | Export-ConcurrencyTimeline -LiteralPath 'odd[1].svg'
            $Sleeps | Export-ConcurrencyTimeline -Path 'relative.json'
        } finally {
            Pop-Location
        }

        Test-Path -LiteralPath (Join-Path $Folder 'odd[1].svg') | Should -BeTrue
        Test-Path -LiteralPath (Join-Path $Folder 'relative.json') | Should -BeTrue
    }

    It 'writes the file to the pipeline with -PassThru' {
        $file = $Sleeps | Export-ConcurrencyTimeline -Path (Join-Path $Folder 'runs.json') -PassThru

        $file | Should -BeOfType ([System.IO.FileInfo])
        $file.Length | Should -BeGreaterThan 0
    }

    It 'exports the rows of Import-Csv and the results of Convert-ImageBatch' {
        $FromCsv | Export-ConcurrencyTimeline -Path (Join-Path $Folder 'csv.svg')
        $Conversions | Export-ConcurrencyTimeline -Path (Join-Path $Folder 'photos.json')

        @(([xml] (Get-Content -LiteralPath (Join-Path $Folder 'csv.svg') -Raw)).svg.GetElementsByTagName('rect') |
                Where-Object { "$($_.class)" -split ' ' -contains 'item' }).Count | Should -Be $FromCsv.Count
        $trace = Get-Content -LiteralPath (Join-Path $Folder 'photos.json') -Raw | ConvertFrom-Json
        @($trace.traceEvents | Where-Object { $_.ph -eq 'X' -and $_.cat -eq 'item' }).Count | Should -Be $Conversions.Count
        ($trace.traceEvents | Where-Object { $_.ph -eq 'X' -and $_.cat -eq 'item' } | Select-Object -First 1).args.InputPath | Should -BeLike '*photo*.jpg'
    }

    It 'writes no file and an error when no results came' {
        $errors = $null
        @() | Export-ConcurrencyTimeline -Path (Join-Path $Folder 'none.svg') -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be 'NoTimelineInput,ConcurrencyDemo.Commands.ExportConcurrencyTimelineCommand'
        Get-ChildItem -LiteralPath $Folder -Force | Should -BeNullOrEmpty
    }

    It 'says so when the folder does not exist, and leaves nothing behind' {
        { $Sleeps | Export-ConcurrencyTimeline -Path (Join-Path $Folder 'missing' 'runs.svg') } |
            Should -Throw -ErrorId 'OutputPathUnusable,ConcurrencyDemo.Commands.ExportConcurrencyTimelineCommand' -ExpectedMessage '*does not exist*'
        Get-ChildItem -LiteralPath $Folder -Force | Should -BeNullOrEmpty
    }
}
