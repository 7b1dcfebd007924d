#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks the ConcurrencyDemo PowerShell module.

.DESCRIPTION
    Needs PowerShell 7.4 or later and the .NET 8 SDK or later, on Windows, macOS or Linux.

    Build  Publishes src/ConcurrencyDemo to out/ConcurrencyDemo: our assemblies, ConcurrencyDemo.psd1 and
           ConcurrencyDemo.Format.ps1xml. That folder is the module: Import-Module ./out/ConcurrencyDemo/ConcurrencyDemo.psd1
    Test   Runs dotnet test at the repository root, then the Pester 5 tests in a fresh pwsh against the staged
           module (skipped, with a warning, when Pester 5 is not installed).
    Demo   Imports the staged module in a fresh pwsh and times 10 one-second sleeps in every mode.
    Bench  Runs the benchmark project tests/ConcurrencyDemo.Benchmarks: every benchmark (decode, pipeline,
           memory), or the one named by the extra arguments (./build.ps1 Bench pipeline).
    Clean  Removes out/ and every project's bin/ and obj/.

    Test and Demo stage the module first when Build is not among the tasks.

.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Build, Test -Configuration Debug
.EXAMPLE
    ./build.ps1 Build, Test
.EXAMPLE
    ./build.ps1 Bench pipeline
#>
# Only -Task is positional, so `./build.ps1 Build Test` runs both tasks rather than binding "Test" to -Configuration.
[CmdletBinding(PositionalBinding = $false)]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Clean')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Arguments for the benchmark program (after `--` on the dotnet run command line).
    [Parameter(ValueFromRemainingArguments)]
    [string[]] $BenchmarkArgument = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$RepositoryRoot = $PSScriptRoot
$ModuleProject = Join-Path $RepositoryRoot 'src' 'ConcurrencyDemo'
$StagingDirectory = Join-Path $RepositoryRoot 'out' 'ConcurrencyDemo'
$StagedManifest = Join-Path $StagingDirectory 'ConcurrencyDemo.psd1'
$PesterTests = Join-Path $RepositoryRoot 'tests' 'Pester'
$BenchmarkProject = Join-Path $RepositoryRoot 'tests' 'ConcurrencyDemo.Benchmarks'
# The pwsh running this script, for the fresh sessions Test and Demo start.
$Pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })

# One array of arguments, not loose words: PowerShell would read '--configuration' as a parameter of this function.
function Invoke-Dotnet {
    param([string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE."
    }
}

# A fresh pwsh: no profile and none of this session's modules, as a user's new session would be.
function Invoke-FreshPwsh {
    param([string] $Script, [string] $What)
    & $Pwsh -NoLogo -NoProfile -NonInteractive -Command $Script
    if ($LASTEXITCODE -ne 0) {
        throw "$What failed with exit code $LASTEXITCODE."
    }
}

function Invoke-BuildTask {
    if (Test-Path -LiteralPath $StagingDirectory) {
        Remove-Item -LiteralPath $StagingDirectory -Recurse -Force
    }
    Invoke-Dotnet -Arguments 'publish', $ModuleProject, '--configuration', $Configuration, '--output', $StagingDirectory, '--nologo'

    # The project already keeps these out; checked here too because a stray copy of the PowerShellStandard
    # stub in the module folder would break every cmdlet at run time.
    $foreign = @(Get-ChildItem -LiteralPath $StagingDirectory -Filter '*.dll' | Where-Object Name -NotLike 'ConcurrencyDemo*.dll')
    if ($foreign.Count -gt 0) {
        throw "The staged module holds assemblies that are not ours: $($foreign.Name -join ', ')."
    }
    foreach ($file in 'ConcurrencyDemo.dll', 'ConcurrencyDemo.psd1', 'ConcurrencyDemo.Format.ps1xml') {
        if (-not (Test-Path -LiteralPath (Join-Path $StagingDirectory $file))) {
            throw "The staged module has no $file."
        }
    }
    Write-Host "Staged the module in $StagingDirectory" -ForegroundColor Green
}

function Invoke-TestTask {
    Push-Location -LiteralPath $RepositoryRoot
    try {
        Invoke-Dotnet -Arguments 'test', '--configuration', $Configuration
    } finally {
        Pop-Location
    }

    $pester = Get-Module -ListAvailable -Name Pester |
        Where-Object Version -GE ([version]'5.0.0') |
        Sort-Object Version -Descending |
        Select-Object -First 1
    if (-not $pester) {
        Write-Warning ("Pester 5 or later is not installed, so the PowerShell tests ($PesterTests) did not run. " +
            "Install it with: Install-Module -Name Pester -MinimumVersion 5.0.0 -Scope CurrentUser")
        return
    }

    # Paths go through the environment rather than into the command text: no quoting rules to get wrong.
    $env:CONCURRENCYDEMO_MODULE = $StagedManifest
    $env:CONCURRENCYDEMO_PESTER_TESTS = $PesterTests
    $env:CONCURRENCYDEMO_PESTER_VERSION = $pester.Version.ToString()
    try {
        Invoke-FreshPwsh -What 'Pester' -Script @'
$ErrorActionPreference = 'Stop'
Import-Module -Name Pester -RequiredVersion $env:CONCURRENCYDEMO_PESTER_VERSION
$configuration = New-PesterConfiguration
$configuration.Run.Path = $env:CONCURRENCYDEMO_PESTER_TESTS
$configuration.Run.Exit = $true
$configuration.Output.Verbosity = 'Detailed'
Invoke-Pester -Configuration $configuration
'@
    } finally {
        Remove-Item -Path 'Env:CONCURRENCYDEMO_MODULE', 'Env:CONCURRENCYDEMO_PESTER_TESTS', 'Env:CONCURRENCYDEMO_PESTER_VERSION' -ErrorAction SilentlyContinue
    }
}

function Invoke-DemoTask {
    $env:CONCURRENCYDEMO_MODULE = $StagedManifest
    try {
        Invoke-FreshPwsh -What 'The demo' -Script @'
$ErrorActionPreference = 'Stop'
Import-Module -Name $env:CONCURRENCYDEMO_MODULE
Write-Host 'Ten items that each sleep one second, in every mode (about 20 seconds in all)...'
$results = Invoke-SleepDemo -Mode 'Sequential', 'Thread', 'Pool', 'Process', 'Async' -Count 10 -Seconds 1
$results | Group-Object -Property Mode | ForEach-Object {
    [pscustomobject]@{
        Mode           = $_.Name
        Items          = $_.Count
        ElapsedSeconds = [math]::Round(($_.Group | Measure-Object -Property EndSeconds -Maximum).Maximum, 3)
        ItemSeconds    = [math]::Round(($_.Group | Measure-Object -Property DurationSeconds -Sum).Sum, 3)
        Workers        = @($_.Group.Worker | Sort-Object -Unique).Count
        Threads        = @($_.Group.ThreadId | Sort-Object -Unique).Count
        Processes      = @($_.Group.ProcessId | Sort-Object -Unique).Count
    }
} | Format-Table -AutoSize | Out-Host
'@
    } finally {
        Remove-Item -Path 'Env:CONCURRENCYDEMO_MODULE' -ErrorAction SilentlyContinue
    }
}

function Invoke-BenchTask {
    if (-not (Test-Path -Path (Join-Path $BenchmarkProject '*.csproj'))) {
        Write-Warning "There is no benchmark project at $BenchmarkProject yet, so there is nothing to run."
        return
    }
    # Benchmarks are only meaningful in Release, whatever -Configuration says.
    # Without arguments: every benchmark, each reported as ratios against its reference tool in the same run.
    # A typed list, so that PowerShell's pipeline unrolling never turns one argument list into single words.
    $runs = [System.Collections.Generic.List[string[]]]::new()
    if ($BenchmarkArgument.Count -gt 0) {
        $runs.Add([string[]] $BenchmarkArgument)
    } else {
        foreach ($name in 'decode', 'pipeline', 'memory') { $runs.Add([string[]] @($name)) }
    }
    foreach ($arguments in $runs) {
        Invoke-Dotnet -Arguments (@('run', '--configuration', 'Release', '--project', $BenchmarkProject, '--') + $arguments)
    }
}

function Invoke-CleanTask {
    $outDirectory = Join-Path $RepositoryRoot 'out'
    if (Test-Path -LiteralPath $outDirectory) {
        Remove-Item -LiteralPath $outDirectory -Recurse -Force
    }
    # Only bin/ and obj/ beside a project file: a folder of that name elsewhere (test data) is left alone.
    $projects = Get-ChildItem -Path (Join-Path $RepositoryRoot 'src'), (Join-Path $RepositoryRoot 'tests') -Filter '*.csproj' -Recurse -File
    foreach ($project in $projects) {
        foreach ($name in 'bin', 'obj') {
            $folder = Join-Path $project.DirectoryName $name
            if (Test-Path -LiteralPath $folder) {
                Remove-Item -LiteralPath $folder -Recurse -Force
            }
        }
    }
    Write-Host 'Removed out/ and the projects'' bin/ and obj/ folders.' -ForegroundColor Green
}

if ($BenchmarkArgument.Count -gt 0 -and $Task -notcontains 'Bench') {
    throw "Unexpected argument(s) '$($BenchmarkArgument -join ' ')'. Separate several tasks with commas (./build.ps1 Build, Test); extra arguments are only for Bench."
}

$staged = $false
foreach ($name in $Task) {
    Write-Host "== $name ==" -ForegroundColor Yellow
    switch ($name) {
        'Build' { Invoke-BuildTask; $staged = $true }
        'Test' {
            if (-not $staged) { Invoke-BuildTask; $staged = $true }
            Invoke-TestTask
        }
        'Demo' {
            if (-not $staged) { Invoke-BuildTask; $staged = $true }
            Invoke-DemoTask
        }
        'Bench' { Invoke-BenchTask }
        'Clean' { Invoke-CleanTask; $staged = $false }
    }
}
