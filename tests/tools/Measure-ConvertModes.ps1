#Requires -Version 7.4

<#
.SYNOPSIS
    The CPU-bound lesson, measured: Convert-ImageBatch in every mode beside Pillow, on the same photos.

.DESCRIPTION
    Each repetition runs in a fresh pwsh: a warm-up (every mode, timed as below but discarded, at least twice and
    on until the runtime's background JIT is quiet: see the warm-up in the script), then every mode of
    Convert-ImageBatch, starting with a different mode each time; then Pillow one photo after another and
    Pillow with ProcessPoolExecutor() (Debian's python3-pil, the tutorial's code, each a fresh python). Prints,
    per mode, the median wall time of the repetitions, its ratio to our Sequential and to Pillow's
    ProcessPoolExecutor, and the peak memory of the run (the pwsh process's working set, pwsh included, and
    its worker processes', sampled by the engine). Then checks that every mode wrote the same bytes as
    Sequential, and the PSNR of our outputs against Pillow's.

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

$photos = @(Get-ChildItem -Path (Join-Path $PhotoPath '*') -Include '*.jpg', '*.jpeg', '*.png' -File -ErrorAction SilentlyContinue | Sort-Object Name)
if ($photos.Count -eq 0) {
    # The project must not need ../shared: without photos there is nothing to measure, which is not a failure.
    Write-Warning "convert-modes: no photos in '$PhotoPath', so nothing was measured; pass -PhotoPath to measure a folder of your own."
    return
}
$python = '/usr/bin/python3'
$pillowBatch = Join-Path $PSScriptRoot 'pillow_batch.py'
$psnrScript = Join-Path $PSScriptRoot 'image_psnr.py'
. (Join-Path $PSScriptRoot '..' '..' 'build' 'PwshCommand.ps1')
. (Join-Path $PSScriptRoot 'RotatedOrder.ps1')
. (Join-Path $PSScriptRoot 'ListSchedule.ps1')
$work = Join-Path ([IO.Path]::GetTempPath()) ("convert-modes-" + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $work
$env:CONCURRENCYDEMO_BENCH_MODULE = (Resolve-Path -LiteralPath $ModulePath).Path
# A list cannot cross a -File command line as one argument; the environment carries it whole.
$env:CONCURRENCYDEMO_BENCH_PHOTOS = $photos.FullName -join [IO.Path]::PathSeparator

# One repetition in a fresh pwsh: a warm-up (the JIT and the file cache, as in any benchmark), then each mode in
# the given order: wall time of the command, and the run's own sampled peaks.
$runRepetition = @'
param($Modes, $ThrottleLimit, $Destination)
Import-Module $env:CONCURRENCYDEMO_BENCH_MODULE
$photos = $env:CONCURRENCYDEMO_BENCH_PHOTOS -split [IO.Path]::PathSeparator
# CPU seconds used so far by each of the runtime's background JIT threads, by thread id, or $null where /proc cannot
# tell (not Linux). The PowerShell .NET tool ships its assemblies without precompiled code, so pwsh's own methods are
# compiled, then recompiled hotter, for many runs after start-up; that thread then takes up to most of a core
# (measured: 0.2-0.9 s in each of a fresh session's first six Pool runs, 0.01-0.05 s from the eighth on). The thread
# ends when idle for a while and another starts later, hence one figure per thread id.
function Get-JitThreadSeconds {
    $tasks = Get-ChildItem -LiteralPath "/proc/$PID/task" -ErrorAction Ignore
    if (-not $tasks) { return $null }
    $seconds = @{}
    foreach ($task in $tasks) {
        $stat = Get-Content -LiteralPath (Join-Path $task.FullName 'stat') -Raw -ErrorAction Ignore
        if (-not $stat) { continue }
        $open = $stat.IndexOf('(')
        $close = $stat.LastIndexOf(')')
        if ($stat.Substring($open + 1, $close - $open - 1) -notlike '.NET Tiered Com*') { continue }
        $fields = $stat.Substring($close + 2).Split(' ')
        # utime and stime, fields 14 and 15 of stat, in clock ticks of 1/100 s.
        $seconds[$task.Name] = ([double] $fields[11] + [double] $fields[12]) / 100
    }
    $seconds
}
# What the JIT threads used between two readings: a thread that started since counts whole, one that ended is lost.
function Get-JitSecondsBetween($Before, $After) {
    if ($null -eq $Before -or $null -eq $After) { return $null }
    $total = 0.0
    # 0.0, not 0: given an integer first, PowerShell picks Max(int, int) and rounds every reading to whole seconds.
    foreach ($id in $After.Keys) { $total += [math]::Max(0.0, $After[$id] - ($Before.ContainsKey($id) ? $Before[$id] : 0)) }
    $total
}
# The control below, compiled by the outer script, loaded as a plain assembly: Add-Type here would load the C#
# compiler into the pwsh whose memory is measured (100 MB more when it compiled, 20 MB when it only loaded).
$null = [Reflection.Assembly]::LoadFile($env:CONCURRENCYDEMO_BENCH_CONTROL)
function Measure-Mode([string] $Mode, [string] $Folder, [switch] $WithControl) {
    # A pause before every run, in which compilations that the previous run's bookkeeping queued for the background
    # JIT can finish. (A forced full collection here as well made every mode slower: the next run faulted its memory in again.)
    Start-Sleep -Milliseconds 250
    $jitBefore = Get-JitThreadSeconds
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $records = @(Convert-ImageBatch -LiteralPath $photos -Destination $Folder -Mode $Mode -ThrottleLimit $ThrottleLimit -Verbose 4>&1)
    $watch.Stop()
    $jitAfter = Get-JitThreadSeconds
    $summary = ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'peak memory' }).Message
    $results = @($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
    [pscustomobject]@{
        Mode = $Mode
        Seconds = $watch.Elapsed.TotalSeconds
        Count = $results.Count
        Failed = @($results | Where-Object { -not $_.Success }).Count
        # Each photo's own seconds, in input order: Sequential's give the schedule limit printed at the end.
        Durations = @($results | Sort-Object Index | ForEach-Object DurationSeconds)
        PeakBytes = if ($summary -match 'peak memory (\d+) MB here') { [long] $Matches[1] * 1e6 } else { 0 }
        WorkerPeakBytes = if ($summary -match '(\d+) MB in worker processes') { [long] $Matches[1] * 1e6 } else { 0 }
        JitSeconds = Get-JitSecondsBetween $jitBefore $jitAfter
        # Right after the run, so that it samples the machine as the run found it: about 0.3 s.
        ControlRatio = if ($WithControl) { [ParallelControl]::Ratio(60000000) } else { $null }
    } | ConvertTo-Json -Compress
}
# Warm-up: the very code that is timed, every mode, at least twice, and on until a whole pass leaves the background
# JIT thread all but idle (a sequential run never notices that thread, the other core being idle; a parallel run
# pays for it). Without /proc, two passes. The count of passes goes to stderr.
$quietSeconds = 0.1
$maxPasses = 15
foreach ($pass in 1..$maxPasses) {
    $jit = 0.0
    foreach ($mode in $Modes -split ',') {
        $warmUp = Measure-Mode $mode (Join-Path $Destination "warm-up-$pass-$mode") | ConvertFrom-Json
        if ($warmUp.Count -ne $photos.Count -or $warmUp.Failed -gt 0) { throw "The warm-up run in $mode mode converted $($warmUp.Count - $warmUp.Failed) of $($photos.Count) photos." }
        Remove-Item -LiteralPath (Join-Path $Destination "warm-up-$pass-$mode") -Recurse -Force
        $jit += $warmUp.JitSeconds
    }
    if ($pass -ge 2 -and ($null -eq $warmUp.JitSeconds -or $jit -lt $quietSeconds)) { break }
}
[Console]::Error.WriteLine("warm-up: $pass passes, the last with $(if ($null -ne $warmUp.JitSeconds) { '{0:N2} s' -f $jit } else { 'unknown seconds' }) of background JIT")
foreach ($mode in $Modes -split ',') { Measure-Mode $mode (Join-Path $Destination $mode) -WithControl }
'@
# A control that involves neither our code nor memory: two threads of register-only integer arithmetic against
# one thread doing both shares. On two cores of its own it is 0.50; when other work on a shared host takes part of
# a core (a hyperthread sibling, say), two threads at once pay for it and one thread alone often does not.
$env:CONCURRENCYDEMO_BENCH_CONTROL = Join-Path $work 'ParallelControl.dll'
Add-Type -OutputAssembly $env:CONCURRENCYDEMO_BENCH_CONTROL -TypeDefinition @'
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
public static class ParallelControl
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Work(long n)
    {
        long a = 1, b = 2, c = 3, d = 4;
        for (long i = 0; i < n; i++) { a += i; b ^= a; c += b >> 1; d += c; }
        return a + b + c + d;
    }
    public static double Ratio(long n)
    {
        var watch = Stopwatch.StartNew();
        Work(n); Work(n);
        double one = watch.Elapsed.TotalSeconds;
        long other = 0;
        var thread = new Thread(() => other = Work(n));
        watch.Restart();
        thread.Start(); Work(n); thread.Join();
        return watch.Elapsed.TotalSeconds / one;
    }
}
'@
$runScript = Join-Path $work 'run-repetition.ps1'
Set-Content -LiteralPath $runScript -Value $runRepetition

$modes = 'Sequential', 'Thread', 'Pool', 'Process', 'Async'
$samples = @{}
try {
    foreach ($rep in 1..$Repeat) {
        # Each repetition starts with another mode, so that no mode always runs first or last.
        $order = @(Get-RotatedOrder -Item $modes -Repetition $rep)
        $destination = Join-Path $work "ours-$rep"
        $lines = Invoke-Pwsh -NoProfile -NonInteractive -File $runScript -Modes ($order -join ',') -ThrottleLimit $ThrottleLimit -Destination $destination
        if ($LASTEXITCODE -ne 0) { throw "Convert-ImageBatch failed in repetition $rep." }
        foreach ($line in $lines) {
            $sample = $line | ConvertFrom-Json
            if ($sample.Count -ne $photos.Count) { throw "Convert-ImageBatch -Mode $($sample.Mode) converted $($sample.Count) of $($photos.Count) photos." }
            if ($sample.Failed -gt 0) { throw "Convert-ImageBatch -Mode $($sample.Mode): $($sample.Failed) photo(s) failed." }
            $samples[$sample.Mode] += @($sample)
            Write-Host ("{0,-10} run {1}: {2:N3} s (control {3:N2})" -f $sample.Mode, $rep, $sample.Seconds, $sample.ControlRatio)
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
            # The background JIT's CPU during the timed runs: near 0 when the warm-up reached a steady state.
            JitSeconds           = if ($null -ne $samples[$mode][0].JitSeconds) { [math]::Round((Get-Median @($samples[$mode].JitSeconds)), 2) } else { $null }
        }
    }
    foreach ($pillowMode in 'sequential', 'processes') {
        $median = Get-Median @($samples["Pillow $pillowMode"].seconds)
        $rows += [pscustomobject]@{
            Mode = "Pillow $pillowMode"; MedianSeconds = [math]::Round($median, 3)
            OfOurSequential = [math]::Round($median / $sequential, 2); OfPillowProcessPool = [math]::Round($median / $pillowProcesses, 2)
            PeakMB = $null; WorkerPeakMB = $null; JitSeconds = $null
        }
    }
    "$($photos.Count) photos from $PhotoPath, throttle limit $ThrottleLimit, median of $Repeat, on $([Environment]::ProcessorCount) processors:"
    $rows | Format-Table -AutoSize | Out-String -Width 120
    # A control that involves none of our code: how well this machine ran two processes at once during this
    # benchmark. Other work on a shared machine slows parallel runs more than sequential ones, ours and Pillow's alike.
    $pillowSequential = Get-Median @($samples['Pillow sequential'].seconds)
    "Control: Pillow's processes took {0:N2} of Pillow's one-process time (per repetition: {1})." -f ($pillowProcesses / $pillowSequential),
        ((1..$Repeat | ForEach-Object { '{0:N2}' -f ($samples['Pillow processes'][$_ - 1].seconds / $samples['Pillow sequential'][$_ - 1].seconds) }) -join ', ')
    # What the order of the photos allows: even with no cost at all for running two at once, the last photo started
    # runs alone at the end. From each photo's median seconds in the Sequential runs.
    $photoSeconds = [double[]] @(0..($photos.Count - 1) | ForEach-Object { $i = $_; Get-Median @($samples['Sequential'] | ForEach-Object { $_.Durations[$i] }) })
    $inOrder = Get-ListScheduleSeconds -Seconds $photoSeconds -Lanes $ThrottleLimit
    $largestFirst = Get-ListScheduleSeconds -Seconds ($photoSeconds | Sort-Object -Descending) -Lanes $ThrottleLimit
    "Limit: $ThrottleLimit threads taking the photos in the order given, each as fast as in Sequential, need {0:N3} s ({1:N2} of Sequential); largest first, {2:N3} s ({3:N2})." -f
        $inOrder, ($inOrder / $sequential), $largestFirst, ($largestFirst / $sequential)
    $controls = @($modes | ForEach-Object { $samples[$_].ControlRatio })
    "Control: two threads of register-only arithmetic took {0:N2} of one thread's time (median of {1}, one after each timed run; {2:N2}-{3:N2})." -f
        (Get-Median $controls), $controls.Count, ($controls | Measure-Object -Minimum).Minimum, ($controls | Measure-Object -Maximum).Maximum

    # Every mode's bytes are Sequential's; our outputs against Pillow's.
    $reference = Join-Path $work 'ours-1' 'Sequential'
    foreach ($mode in $modes) {
        foreach ($rep in 1..$Repeat) {
            foreach ($file in Get-ChildItem -LiteralPath (Join-Path $work "ours-$rep" $mode)) {
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
    Remove-Item -Path 'Env:CONCURRENCYDEMO_BENCH_MODULE', 'Env:CONCURRENCYDEMO_BENCH_PHOTOS', 'Env:CONCURRENCYDEMO_BENCH_CONTROL' -ErrorAction SilentlyContinue
}
