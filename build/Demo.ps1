#Requires -Version 7.4

<#
.SYNOPSIS
    The demo ./build.ps1 Demo runs in a fresh pwsh: the I/O-bound lesson (sleeps, then downloads from a slow photo
    site on this machine) and the CPU-bound lesson (photos), every mode of each compared by elapsed time.
.PARAMETER ModulePath
    The module to import: the staged one.
.PARAMETER PhotoPath
    A folder of photos for the download and CPU-bound lessons. Where it has none, the demo photo site and the demo
    make photo-like pictures with the module's own encoder, so it needs no files and no internet.
.PARAMETER ReportPath
    The HTML report of every run the demo made (their timelines on one axis, and the runs compared).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $PhotoPath = (Join-Path $PSScriptRoot '..' '..' 'shared' 'photos'),
    [string] $ReportPath = (Join-Path $PSScriptRoot '..' 'out' 'demo' 'report.html')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module -Name $ModulePath

# Every result the demo shows, for the timelines and the report at the end.
$AllResults = [System.Collections.Generic.List[object]]::new()

# One line per run, in the order the runs happened, measured by Measure-ConcurrencyRun: how long it took, how much
# faster than one item after another, and on how many threads and processes.
function Show-Runs {
    param([object[]] $Results)
    $AllResults.AddRange($Results)
    $Results | Measure-ConcurrencyRun |
        Format-Table -AutoSize -Property Mode, Items,
            @{ Name = 'Limit'; Expression = 'ThrottleLimit' },
            @{ Name = 'Elapsed(s)'; Expression = { '{0:N2}' -f $_.ElapsedSeconds }; Alignment = 'Right' },
            @{ Name = 'Work(s)'; Expression = { '{0:N2}' -f $_.WorkSeconds }; Alignment = 'Right' },
            @{ Name = 'SpeedUp'; Expression = { '{0:N2}' -f $_.SpeedUp }; Alignment = 'Right' },
            Threads, Processes,
            @{ Name = 'Startup(s)'; Expression = { '{0:N3}' -f $_.WorkerStartupSeconds }; Alignment = 'Right' } |
        Out-String -Width 80 | Out-Host
}

$modes = 'Sequential', 'Thread', 'Pool', 'Process', 'Async'
Write-Host 'I/O-bound: ten items that each sleep one second, in every mode (about 20 seconds in all)...'
Show-Runs (Invoke-SleepDemo -Mode $modes -Count 10 -Seconds 1)

$work = Join-Path ([IO.Path]::GetTempPath()) ('concurrency-demo-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $work
try {
    # The photos of both lessons: the site serves them, and the CPU-bound lesson converts them.
    $photos = @(Get-ChildItem -Path (Join-Path $PhotoPath '*') -Include '*.jpg', '*.jpeg', '*.png' -File -ErrorAction SilentlyContinue)
    # The same lesson on a real network stack, with no internet: a photo site on 127.0.0.1 that waits 200 ms
    # before each answer and sends 10 MB/s per connection, like a slow site far away.
    $site = if ($photos.Count -gt 0) {
        Start-DemoImageServer -Path $PhotoPath -LatencyMilliseconds 200 -BytesPerSecond 10MB
    } else {
        Start-DemoImageServer -Count 15 -LatencyMilliseconds 200 -BytesPerSecond 10MB
    }
    try {
        Write-Host ("I/O-bound: {0} photos downloaded from a slow site on this machine ({1}), in every mode, at most 15 at once..." -f $site.Count, $site.BaseUri)
        $results = foreach ($mode in $modes) {
            $site | Get-ImageBatch -Mode $mode -ThrottleLimit 15 -Destination (Join-Path $work "download-$mode")
        }
        Show-Runs $results
        Write-Host 'A download waits for the network, not a processor: one after another they take the sum of their waits,'
        Write-Host 'at once about the time of the slowest photo, on threads or tasks; Process mode first starts 15 workers.'
    } finally {
        $site | Stop-DemoImageServer
    }

    if ($photos.Count -eq 0) {
        $made = Join-Path $work 'photos'
        $null = New-Item -ItemType Directory -Path $made
        Write-Host "No photos in ${PhotoPath}: making 8 photo-like 12-megapixel JPEGs with the module's own encoder..."
        foreach ($i in 1..8) {
            [ConcurrencyDemo.Imaging.Samples.SamplePhoto]::WriteJpeg((Join-Path $made "sample$i.jpg"), 4000, 3000, $i)
        }
        $photos = @(Get-ChildItem -LiteralPath $made -File)
    }
    $limit = [Environment]::ProcessorCount
    Write-Host ("CPU-bound: {0} photos blurred and thumbnailed in every mode, at most {1} at once (one per processor)..." -f $photos.Count, $limit)
    $results = foreach ($mode in $modes) {
        $photos | Convert-ImageBatch -Mode $mode -ThrottleLimit $limit -Destination (Join-Path $work $mode)
    }
    Show-Runs $results
    Write-Host 'In .NET, threads compute on every processor at once (no GIL): Thread and Pool divide the time by the'
    Write-Host 'number of processors; Process mode adds its workers'' start-up; Async is the thread pool, no faster.'
} finally {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

# Every run the demo made, drawn: in the console, and in one HTML page on a shared time axis.
Write-Host 'Every run as a timeline: a row per lane (thread, pool thread, worker process, task), a bar per item...'
# Not through Out-Host: straight to the console, the chart is in colour there.
$AllResults | Show-ConcurrencyTimeline
$null = New-Item -ItemType Directory -Path (Split-Path -Parent $ReportPath) -Force
$AllResults | Export-ConcurrencyTimeline -LiteralPath $ReportPath
Write-Host "The runs compared, with their timelines on one axis: $([IO.Path]::GetFullPath($ReportPath))"
