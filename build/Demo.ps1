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
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $PhotoPath = (Join-Path $PSScriptRoot '..' '..' 'shared' 'photos')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module -Name $ModulePath

# One line per run, in the order the runs happened: how long it took, against its items' time added up.
function Show-Runs {
    param([object[]] $Results)
    $runs = [ordered]@{}
    foreach ($result in $Results) { $runs[$result.RunId] += @($result) }
    $rows = foreach ($run in $runs.Values) {
        $first = $run[0]
        [pscustomobject]@{
            Mode       = "$($first.Mode)"
            Items      = $run.Count
            Limit      = $first.ThrottleLimit
            'Elapsed(s)' = [math]::Round(($run | Measure-Object -Property EndSeconds -Maximum).Maximum, 2)
            'Work(s)'  = [math]::Round(($run | Measure-Object -Property DurationSeconds -Sum).Sum, 2)
            Threads    = @($run.ThreadId | Sort-Object -Unique).Count
            Processes  = @($run.ProcessId | Sort-Object -Unique).Count
            Host       = $first.WorkerHost
        }
    }
    $rows | Format-Table -AutoSize | Out-String -Width 80 | Out-Host
}

$modes = 'Sequential', 'Thread', 'Pool', 'Process', 'Async'
Write-Host 'I/O-bound: ten items that each sleep one second, in every mode (about 20 seconds in all)...'
Show-Runs (Invoke-SleepDemo -Mode $modes -Count 10 -Seconds 1)

$work = Join-Path ([IO.Path]::GetTempPath()) ('concurrency-demo-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $work
try {
    # The same lesson on a real network stack, with no internet: a photo site on 127.0.0.1 that waits 200 ms
    # before each answer and sends 10 MB/s per connection, like a slow site far away.
    $served = @(Get-ChildItem -Path (Join-Path $PhotoPath '*') -Include '*.jpg', '*.jpeg', '*.png' -File -ErrorAction SilentlyContinue)
    $site = if ($served.Count -gt 0) {
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

    $photos = @(Get-ChildItem -Path (Join-Path $PhotoPath '*') -Include '*.jpg', '*.jpeg', '*.png' -File -ErrorAction SilentlyContinue)
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
