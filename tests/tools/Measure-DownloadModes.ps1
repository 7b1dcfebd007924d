#Requires -Version 7.4

<#
.SYNOPSIS
    The I/O-bound lesson, measured: our download in every in-process mode beside curl and Python requests,
    against one slow photo site on this machine.

.DESCRIPTION
    Starts the demo photo site (DemoImageServer) on 127.0.0.1, serving the photos of -PhotoPath with
    -LatencyMilliseconds before each response's first byte and at most -BytesPerSecond per connection: a slow
    site, with no internet involved. Then, -Repeat times, each in a rotated order so that no tool always goes
    first, downloads every photo with:

    - the concurrency-demo CLI (download --mode M --throttle-limit 15), in Sequential, Thread, Pool and Async
      mode, each a fresh process, timed from start to exit;
    - Get-ImageBatch in a fresh pwsh (after a warm-up download), each mode timed around the command;
    - curl --parallel --parallel-immediate --parallel-max 15 (Debian's curl), timed from start to exit;
    - Python requests.get in ThreadPoolExecutor(max_workers=15) (Debian's python3-requests), timed from start
      to exit.

    Prints one table, medians of the repetitions: Wall(s), each process from start to exit as a user would
    time it (Get-ImageBatch: the command, in a pwsh that is already up); Batch(s), the downloads alone as the
    tool itself measured them (the CLI: from its run's start to its last download's end, leaving out the
    .NET start-up; Python: the ThreadPoolExecutor, leaving out the interpreter and the import of requests;
    curl: its wall time, as it starts in milliseconds); the ratio of Batch(s) to curl's and to Python's; and
    whether every file a tool wrote is byte-identical to the one served.

    ./build.ps1 Bench download runs it on ../shared/photos.
#>
[CmdletBinding()]
param(
    [string] $PhotoPath = (Join-Path $PSScriptRoot '..' '..' '..' 'shared' 'photos'),
    [string] $ModulePath = (Join-Path $PSScriptRoot '..' '..' 'out' 'ConcurrencyDemo' 'ConcurrencyDemo.psd1'),
    [string] $CliPath = (Join-Path $PSScriptRoot '..' '..' 'out' 'cli' 'concurrency-demo.dll'),
    [int] $LatencyMilliseconds = 200,
    [long] $BytesPerSecond = 10MB,
    [int] $ThrottleLimit = 15,
    [int] $Repeat = 3
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$photos = @(Get-ChildItem -Path (Join-Path $PhotoPath '*') -Include '*.jpg', '*.jpeg', '*.png', '*.gif', '*.webp' -File -ErrorAction SilentlyContinue)
if ($photos.Count -eq 0) {
    # The project must not need ../shared: without photos there is nothing to measure, which is not a failure.
    Write-Warning "download: no photos in '$PhotoPath', so nothing was measured; pass -PhotoPath to measure a folder of your own."
    return
}
foreach ($file in $CliPath, $ModulePath) {
    if (-not (Test-Path -LiteralPath $file)) { throw "download: '$file' is not there; run ./build.ps1 Build first." }
}
Import-Module $ModulePath
# The demo site's types, whether or not the module loads them at import.
if (-not ('ConcurrencyDemo.PhotoSite.DemoImageServer' -as [type])) {
    Add-Type -LiteralPath (Join-Path (Split-Path -Parent (Resolve-Path -LiteralPath $ModulePath)) 'ConcurrencyDemo.PhotoSite.dll')
}
$dotnet = [ConcurrencyDemo.Engine.WorkerProcesses.WorkerCommand]::ForManagedProgram($CliPath).FileName
. (Join-Path $PSScriptRoot '..' '..' 'build' 'PwshCommand.ps1')
. (Join-Path $PSScriptRoot 'RotatedOrder.ps1')
$python = '/usr/bin/python3'
$requestsBatch = Join-Path $PSScriptRoot 'requests_batch.py'
$work = Join-Path ([IO.Path]::GetTempPath()) ('download-modes-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $work

$site = [ConcurrencyDemo.PhotoSite.DemoImageServer]::Start([ConcurrencyDemo.PhotoSite.DemoImageServerOptions]@{
    FolderPath = (Resolve-Path -LiteralPath $PhotoPath).Path
    Latency = [TimeSpan]::FromMilliseconds($LatencyMilliseconds)
    BytesPerSecond = $BytesPerSecond
})
$urls = [string[]] @($site.ImageUris | ForEach-Object AbsoluteUri)
$servedBytes = ($urls | ForEach-Object { $site.GetImageBytes(($_ -split '/')[-1]).Length } | Measure-Object -Sum).Sum

# One process, timed from start to exit; its output is kept for when it fails, and for what it measured itself.
function Measure-Process([string] $FileName, [string[]] $Arguments) {
    $start = [Diagnostics.ProcessStartInfo]::new($FileName)
    foreach ($argument in $Arguments) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($start)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    $process.WaitForExit()
    $watch.Stop()
    if ($process.ExitCode -ne 0) {
        throw "$FileName $($Arguments -join ' ') failed with exit code $($process.ExitCode): $($stderr.Result)$($stdout.Result)"
    }
    [pscustomobject]@{ Seconds = $watch.Elapsed.TotalSeconds; Output = $stdout.Result }
}

# Get-ImageBatch in a fresh pwsh: a warm-up download (the JIT, as in any benchmark), then each mode, timed around the command.
$pwshRun = @'
param($ModulePath, $Modes, $ThrottleLimit, $Destination, $UrlFile)
Import-Module $ModulePath
$urls = Get-Content -LiteralPath $UrlFile
$null = Get-ImageBatch -Uri $urls[0] -Destination (Join-Path $Destination 'warm-up') -Force
foreach ($mode in $Modes -split ',') {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $results = @(Get-ImageBatch -Uri $urls -Destination (Join-Path $Destination "pwsh-$mode") -Mode $mode -ThrottleLimit $ThrottleLimit -Force)
    $watch.Stop()
    if (@($results | Where-Object { -not $_.Success }).Count) { throw "Get-ImageBatch -Mode $mode failed: $(($results | Where-Object { -not $_.Success }).Error)" }
    '{0}={1}' -f $mode, $watch.Elapsed.TotalSeconds
}
'@
$pwshScript = Join-Path $work 'pwsh-run.ps1'
Set-Content -LiteralPath $pwshScript -Value $pwshRun
$urlFile = Join-Path $work 'urls.txt'
Set-Content -LiteralPath $urlFile -Value $urls

$modes = 'Sequential', 'Thread', 'Pool', 'Async'
$tools = @($modes | ForEach-Object { "CLI $_" }) + 'pwsh' + 'curl' + 'python'
# Per tool: the wall time of its process (start-up included), and the batch alone as the tool measured it.
$wall = @{}
$batch = @{}
$folders = @{}
function Add-Sample([string] $Name, [double] $WallSeconds, [double] $BatchSeconds, [string] $Folder) {
    foreach ($table in $wall, $batch) {
        if (-not $table.ContainsKey($Name)) { $table[$Name] = [Collections.Generic.List[double]]::new() }
    }
    $wall[$Name].Add($WallSeconds)
    $batch[$Name].Add($BatchSeconds)
    $folders[$Name] = $Folder
}

try {
    foreach ($rep in 1..$Repeat) {
        # Each repetition starts with another tool, so that no tool always runs first or last.
        $order = @(Get-RotatedOrder -Item $tools -Repetition $rep)
        foreach ($tool in $order) {
            $out = Join-Path $work "$rep-$($tool -replace ' ', '-')"
            switch -Wildcard ($tool) {
                'CLI *' {
                    $mode = $tool.Substring(4)
                    $run = Measure-Process $dotnet (@($CliPath, 'download') + $urls + @('--out', $out, '--mode', $mode, '--throttle-limit', "$ThrottleLimit", '--force', '--format', 'csv'))
                    # The run's own clock: from its start to the end of its last download.
                    $end = ($run.Output | ConvertFrom-Csv | ForEach-Object { [double]::Parse($_.EndSeconds, [cultureinfo]::InvariantCulture) } | Measure-Object -Maximum).Maximum
                    Add-Sample $tool $run.Seconds $end $out
                }
                'pwsh' {
                    $lines = Invoke-Pwsh -NoProfile -NonInteractive -File $pwshScript -ModulePath (Resolve-Path $ModulePath).Path -Modes ($modes -join ',') -ThrottleLimit $ThrottleLimit -Destination $out -UrlFile $urlFile
                    if ($LASTEXITCODE) { throw "The pwsh run failed with exit code $LASTEXITCODE." }
                    foreach ($line in $lines) {
                        $mode, $seconds = $line -split '='
                        # Timed around the command in a pwsh that is up: its wall time is its batch time.
                        $command = [double]::Parse($seconds, [cultureinfo]::InvariantCulture)
                        Add-Sample "pwsh $mode" $command $command (Join-Path $out "pwsh-$mode")
                    }
                }
                'curl' {
                    $arguments = @('--silent', '--show-error', '--fail', '--parallel', '--parallel-immediate', '--parallel-max', "$ThrottleLimit", '--create-dirs')
                    foreach ($url in $urls) { $arguments += @('-o', (Join-Path $out ($url -split '/')[-1]), $url) }
                    $run = Measure-Process '/usr/bin/curl' $arguments
                    Add-Sample 'curl' $run.Seconds $run.Seconds $out
                }
                'python' {
                    $run = Measure-Process $python (@($requestsBatch, $out, "$ThrottleLimit") + $urls)
                    Add-Sample 'python' $run.Seconds ([double]::Parse($run.Output.Trim(), [cultureinfo]::InvariantCulture)) $out
                }
            }
        }
    }

    function Get-Median([double[]] $Values) {
        $sorted = @($Values | Sort-Object)
        if ($sorted.Count % 2) { $sorted[[int][math]::Floor($sorted.Count / 2)] } else { ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2 }
    }
    $curl = Get-Median $batch['curl']
    $requests = Get-Median $batch['python']
    "Downloading $($urls.Count) photos ($([math]::Round($servedBytes / 1MB, 1)) MB) from $($site.BaseUri) with $LatencyMilliseconds ms latency and $([math]::Round($BytesPerSecond / 1MB, 1)) MB/s per connection; throttle limit $ThrottleLimit, median of $Repeat."
    $names = @($modes | ForEach-Object { "CLI $_" }) + @($modes | ForEach-Object { "pwsh $_" }) + 'curl' + 'python'
    $table = foreach ($tool in $names) {
        $median = Get-Median $batch[$tool]
        # Every file of the tool's last run, byte for byte against what the site served.
        $folder = $folders[$tool]
        $identical = @($urls | Where-Object {
            $name = ($_ -split '/')[-1]
            $path = Join-Path $folder $name
            -not (Test-Path -LiteralPath $path) -or -not [Linq.Enumerable]::SequenceEqual([IO.File]::ReadAllBytes($path), $site.GetImageBytes($name).ToArray())
        }).Count -eq 0
        [pscustomobject]@{
            Tool            = $tool -replace '^python$', 'python requests' -replace '^curl$', 'curl --parallel'
            'Wall(s)'       = [math]::Round((Get-Median $wall[$tool]), 3)
            'Batch(s)'      = [math]::Round($median, 3)
            'vs curl'       = '{0:0.00}x' -f ($median / $curl)
            'vs requests'   = '{0:0.00}x' -f ($median / $requests)
            'Byte-identical' = $identical
        }
    }
    $table | Format-Table -AutoSize | Out-String -Width 100
} finally {
    $site.Dispose()
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}
