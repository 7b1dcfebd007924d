#Requires -Version 7.4

<#
.SYNOPSIS
    The CPU-bound lesson, measured: Convert-ImageBatch in every mode beside Pillow, on the same photos.

.DESCRIPTION
    For each repetition, each mode of Convert-ImageBatch runs in a fresh pwsh (so that no run warms the next),
    and so do Pillow one photo after another and Pillow with ProcessPoolExecutor() (Debian's python3-pil, the
    tutorial's code). Prints, per mode, the median wall time of the repetitions, its ratio to our Sequential
    and to Pillow's ProcessPoolExecutor, and the peak memory of the pwsh process (its own peak working set,
    pwsh included) and of the worker processes (sampled by the engine). Then checks that every mode wrote the
    same bytes as Sequential, and the PSNR of our outputs against Pillow's.

    ./build.ps1 Bench convert-modes runs it on ../shared/photos.
#>
[CmdletBinding()]
param(
    [string] $PhotoPath = (Join-Path $PSScriptRoot '..' '..' '..' 'shared' 'photos'),
    [string] $ModulePath = (Join-Path $PSScriptRoot '..' '..' 'out' 'ConcurrencyDemo' 'ConcurrencyDemo.psd1'),
    [int] $ThrottleLimit = 2,
    [int] $Repeat = 3
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$photos = @(Get-ChildItem -Path (Join-Path $PhotoPath '*') -Include '*.jpg', '*.jpeg', '*.png' -File | Sort-Object Name)
if ($photos.Count -eq 0) { throw "No photos in '$PhotoPath': pass -PhotoPath." }
$python = '/usr/bin/python3'
$pillowBatch = Join-Path $PSScriptRoot 'pillow_batch.py'
$psnrScript = Join-Path $PSScriptRoot 'image_psnr.py'
$pwsh = if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
    @([Environment]::ProcessPath, (Join-Path $PSHOME 'pwsh.dll'))
} else {
    @([Environment]::ProcessPath)
}
$work = Join-Path ([IO.Path]::GetTempPath()) ("convert-modes-" + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $work
$env:CONCURRENCYDEMO_BENCH_MODULE = (Resolve-Path -LiteralPath $ModulePath).Path

# One mode in a fresh pwsh: wall time of the command, the process's own peak working set, and the run's summary.
$runOne = @'
param($Mode, $ThrottleLimit, $Destination, $Photos)
Import-Module $env:CONCURRENCYDEMO_BENCH_MODULE
$watch = [Diagnostics.Stopwatch]::StartNew()
$records = @(Convert-ImageBatch -LiteralPath $Photos -Destination $Destination -Mode $Mode -ThrottleLimit $ThrottleLimit -Verbose 4>&1)
$watch.Stop()
$summary = ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'peak memory' }).Message
$workers = if ($summary -match '(\d+) MB in worker processes') { [long] $Matches[1] * 1e6 } else { 0 }
$results = @($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
[pscustomobject]@{
    Seconds = $watch.Elapsed.TotalSeconds
    Failed = @($results | Where-Object { -not $_.Success }).Count
    PeakBytes = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
    WorkerPeakBytes = $workers
} | ConvertTo-Json -Compress
'@
$runScript = Join-Path $work 'run-one.ps1'
Set-Content -LiteralPath $runScript -Value $runOne

$modes = 'Sequential', 'Thread', 'Pool', 'Process', 'Async'
$samples = @{}
try {
    foreach ($rep in 1..$Repeat) {
        foreach ($mode in $modes) {
            $destination = Join-Path $work "$mode-$rep"
            $json = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $runScript -Mode $mode -ThrottleLimit $ThrottleLimit -Destination $destination -Photos $photos.FullName
            if ($LASTEXITCODE -ne 0) { throw "Convert-ImageBatch -Mode $mode failed." }
            $sample = $json | ConvertFrom-Json
            if ($sample.Failed -gt 0) { throw "Convert-ImageBatch -Mode ${mode}: $($sample.Failed) photo(s) failed." }
            $samples[$mode] += @($sample)
            Write-Host ("{0,-10} run {1}: {2:N3} s" -f $mode, $rep, $sample.Seconds)
        }
        foreach ($pillowMode in 'sequential', 'processes') {
            $destination = Join-Path $work "pillow-$pillowMode-$rep"
            $json = & $python $pillowBatch --mode $pillowMode --out $destination @($photos.FullName)
            if ($LASTEXITCODE -ne 0) { throw "Pillow ($pillowMode) failed." }
            $samples["Pillow $pillowMode"] += @($json | ConvertFrom-Json)
            Write-Host ("{0,-10} run {1}: {2:N3} s" -f "Pillow $pillowMode", $rep, ($json | ConvertFrom-Json).seconds)
        }
    }

    function Get-Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }
    $sequential = Get-Median @($samples['Sequential'].Seconds)
    $pillowProcesses = Get-Median @($samples['Pillow processes'].seconds)
    $rows = foreach ($mode in $modes) {
        $median = Get-Median @($samples[$mode].Seconds)
        [pscustomobject]@{
            Mode                 = $mode
            MedianSeconds        = [math]::Round($median, 3)
            OfOurSequential      = [math]::Round($median / $sequential, 2)
            OfPillowProcessPool  = [math]::Round($median / $pillowProcesses, 2)
            PeakMB               = [math]::Round((($samples[$mode].PeakBytes | Measure-Object -Maximum).Maximum) / 1e6)
            WorkerPeakMB         = [math]::Round((($samples[$mode].WorkerPeakBytes | Measure-Object -Maximum).Maximum) / 1e6)
        }
    }
    foreach ($pillowMode in 'sequential', 'processes') {
        $median = Get-Median @($samples["Pillow $pillowMode"].seconds)
        $rows += [pscustomobject]@{
            Mode = "Pillow $pillowMode"; MedianSeconds = [math]::Round($median, 3)
            OfOurSequential = [math]::Round($median / $sequential, 2); OfPillowProcessPool = [math]::Round($median / $pillowProcesses, 2)
            PeakMB = $null; WorkerPeakMB = $null
        }
    }
    "$($photos.Count) photos from $PhotoPath, throttle limit $ThrottleLimit, median of $Repeat, on $([Environment]::ProcessorCount) processors:"
    $rows | Format-Table -AutoSize | Out-String -Width 120

    # Every mode's bytes are Sequential's; our outputs against Pillow's.
    $reference = Join-Path $work 'Sequential-1'
    foreach ($mode in $modes) {
        foreach ($rep in 1..$Repeat) {
            foreach ($file in Get-ChildItem -LiteralPath (Join-Path $work "$mode-$rep")) {
                if ((Get-FileHash -LiteralPath $file.FullName).Hash -ne (Get-FileHash -LiteralPath (Join-Path $reference $file.Name)).Hash) {
                    throw "$mode run $rep wrote $($file.Name) differently from Sequential."
                }
            }
        }
    }
    "Every mode's outputs are byte-identical to Sequential's ($($modes.Count * $Repeat) runs)."
    $psnr = @(& $python $psnrScript $reference (Join-Path $work 'pillow-sequential-1') | ForEach-Object { $_ | ConvertFrom-Json })
    $finite = @($psnr | Where-Object { $_.psnr -ne 'inf' })
    if (@($psnr | Where-Object { $null -eq $_.psnr }).Count -gt 0) { throw "Some outputs have no Pillow counterpart of the same size." }
    $lowest = if ($finite.Count -gt 0) { ($finite | Measure-Object -Property psnr -Minimum).Minimum } else { $null }
    "PSNR of our outputs against Pillow's: $(@($psnr | Where-Object psnr -EQ 'inf').Count) of $($psnr.Count) identical (infinite)" +
        $(if ($null -ne $lowest) { ", lowest {0:N1} dB" -f $lowest } else { '' })
} finally {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Item -Path 'Env:CONCURRENCYDEMO_BENCH_MODULE' -ErrorAction SilentlyContinue
}
