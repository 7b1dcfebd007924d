#Requires -Version 7.4

<#
.SYNOPSIS
    Builds, packs, tests, demonstrates, benchmarks and installs the ConcurrencyDemo PowerShell module.

.DESCRIPTION
    Needs PowerShell 7.4 or later and the .NET SDK (8 or later; 10 for the pinned PowerShell tool), on Windows,
    macOS or Linux. With only the .NET 10 SDK: dotnet tool restore && dotnet pwsh ./build.ps1 <Task>.

    Build    Publishes src/ConcurrencyDemo to out/ConcurrencyDemo (our assemblies, the worker program, the
             format views, the help) and writes its manifest from the repository's ConcurrencyDemo.psd1.
             That folder is the module: Import-Module ./out/ConcurrencyDemo/ConcurrencyDemo.psd1
             On Linux x64 with clang installed, it also compiles the worker program to native code for this
             machine's processor, into the module's native/<rid>-<instruction set>: avx512 and avx2 on a
             processor with AVX-512, avx2 on one with AVX2 alone (without clang it warns).
             Also publishes the concurrency-demo CLI, precompiled for this machine, to out/cli.
    Package  Writes out/packages/ConcurrencyDemo.<version>.nupkg, the staged module as the PowerShell Gallery
             takes it (made by Compress-PSResource, as Publish-PSResource makes it; without symbol files),
             and out/packages/concurrency-demo.<version>.nupkg, the CLI as a .NET tool. The version is the
             ModuleVersion of the repository's ConcurrencyDemo.psd1. The README's "Publishing a release"
             says what comes next.
    Test     Runs dotnet test at the repository root, then the Pester tests (tests/Pester) in a fresh pwsh
             against the staged module and the packages (each installed by name into a temporary folder),
             with the Pester version pinned in tests/Pester/Pester.csproj restored into out/pester (a
             Pester installed on the machine is never used). Results go to out/test-results; the last
             line adds up both: N passed, N failed, N skipped.
    Demo     Imports the staged module in a fresh pwsh (build/Demo.ps1) and compares every mode: 10 one-second
             sleeps (I/O-bound), then photos blurred and thumbnailed (CPU-bound): ../shared/photos where it
             exists, otherwise photo-like pictures the module makes with its own encoder. It ends with the
             timeline of every run it made and writes them, measured, to out/demo/report.html.
    Bench    Runs the benchmarks: every one (decode, pipeline, memory from tests/ConcurrencyDemo.Benchmarks, and
             convert-modes, Convert-ImageBatch in every mode beside Pillow in pwsh; download, the CLI and
             Get-ImageBatch beside curl and Python requests against a slow loopback photo site), or the one
             named by the extra arguments (./build.ps1 Bench pipeline).
    HelpExamples
             Runs every example of the cmdlets' help (src/ConcurrencyDemo/Help/Examples) against the staged
             module at 80 columns and writes its real output back into the examples files, then the help.
    Install  Copies the staged module into your own module folder (the first entry of $env:PSModulePath
             under your home folder), so that Import-Module ConcurrencyDemo works by name.
    Clean    Removes out/ and every project's bin/ and obj/.

    Test, Demo, Install and Package stage the module first when Build is not among the tasks; Test also
    makes the packages first when Package is not among them.

.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Build, Test -Configuration Debug
.EXAMPLE
    ./build.ps1 Build, Test
.EXAMPLE
    ./build.ps1 Bench pipeline
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
# Only -Task is positional, so `./build.ps1 Build Test` runs both tasks rather than binding "Test" to -Configuration.
[CmdletBinding(PositionalBinding = $false)]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Package', 'Test', 'Demo', 'Bench', 'Install', 'HelpExamples', 'Clean')]
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
$SourceManifest = Join-Path $RepositoryRoot 'ConcurrencyDemo.psd1'
$ModuleProject = Join-Path $RepositoryRoot 'src' 'ConcurrencyDemo'
$OutDirectory = Join-Path $RepositoryRoot 'out'
$StagingDirectory = Join-Path $OutDirectory 'ConcurrencyDemo'
$CliProject = Join-Path $RepositoryRoot 'src' 'ConcurrencyDemo.Cli'
$WorkerProject = Join-Path $RepositoryRoot 'src' 'ConcurrencyDemo.Worker'
# This machine's platform, which the precompiled CLI in out/cli and the module's native worker are for.
$MachineRuntime = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
$CliDirectory = Join-Path $OutDirectory 'cli'
$PackagesDirectory = Join-Path $OutDirectory 'packages'
$StagedManifest = Join-Path $StagingDirectory 'ConcurrencyDemo.psd1'
$TestResultsDirectory = Join-Path $OutDirectory 'test-results'
$PesterTests = Join-Path $RepositoryRoot 'tests' 'Pester'
$PesterProject = Join-Path $PesterTests 'Pester.csproj'
$PesterPackages = Join-Path $OutDirectory 'pester'
$BenchmarkProject = Join-Path $RepositoryRoot 'tests' 'ConcurrencyDemo.Benchmarks'
# The benchmarks that are scripts in tests/tools, by name: measured where users run them, in a fresh pwsh against the
# staged module. convert-modes: Convert-ImageBatch in every mode beside Pillow. download: the CLI and Get-ImageBatch
# beside curl and Python requests, against a slow photo site on loopback. Every other benchmark is the program's.
$ScriptBenchmarks = [ordered]@{
    'convert-modes' = 'Measure-ConvertModes.ps1'
    'download'      = 'Measure-DownloadModes.ps1'
}

# One array of arguments, not loose words: PowerShell would read '--configuration' as a parameter of this function.
function Invoke-Dotnet {
    param([string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE."
    }
}

. (Join-Path $PSScriptRoot 'build' 'PwshCommand.ps1')

# A fresh pwsh: no profile and none of this session's modules, as a user's new session would be.
function Invoke-FreshPwsh {
    param([string[]] $PwshArguments, [string] $What)
    Invoke-Pwsh -NoLogo -NoProfile -NonInteractive @PwshArguments
    if ($LASTEXITCODE -ne 0) {
        throw "$What failed with exit code $LASTEXITCODE."
    }
}

# The repository's manifest is the one source of the module's metadata. In the source tree its RootModule is a
# stand-in that tells whoever imports it to build first (a clone has no ConcurrencyDemo.dll); the staged copy
# swaps that line for the lines marked '#staged ', which name the built assemblies and views.
function Write-StagedManifest {
    $lines = Get-Content -LiteralPath $SourceManifest
    $standIn = @($lines | Where-Object { $_ -match "^\s*RootModule\s*=\s*'build/SourceTreeModule\.psm1'" })
    $staged = @($lines | Where-Object { $_ -match '^\s*#staged ' })
    if ($standIn.Count -ne 1 -or $staged.Count -eq 0) {
        throw "$SourceManifest must have one RootModule line naming build/SourceTreeModule.psm1 and the '#staged ' lines that replace it."
    }
    $output = foreach ($line in $lines) {
        if ($line -match "^\s*RootModule\s*=\s*'build/SourceTreeModule\.psm1'") { continue }
        $line -replace '^(\s*)#staged ', '$1'
    }
    # UTF-8 without a byte-order mark, LF, as the source file is.
    [IO.File]::WriteAllText($StagedManifest, (($output -join "`n") + "`n"), [Text.UTF8Encoding]::new($false))
}

# A script in a fresh pwsh, with its named arguments.
function Invoke-FreshPwshFile {
    param([string] $Path, [hashtable] $Parameters, [string] $What)
    $arguments = @('-File', $Path)
    foreach ($name in $Parameters.Keys) { $arguments += @("-$name", $Parameters[$name]) }
    Invoke-FreshPwsh -PwshArguments $arguments -What $What
}

# The MAML help and about topic, made from the cmdlets' own metadata, their doc comments and the examples files.
function Invoke-ModuleHelp {
    Invoke-FreshPwshFile -What "Writing the module's help" -Path (Join-Path $RepositoryRoot 'build' 'New-ModuleHelp.ps1') -Parameters @{
        ModuleDirectory   = $StagingDirectory
        DocumentationFile = Join-Path $ModuleProject 'bin' $Configuration 'net8.0' 'ConcurrencyDemo.xml'
        ExamplesDirectory = Join-Path $ModuleProject 'Help' 'Examples'
        AboutDirectory    = Join-Path $ModuleProject 'Help'
    }
}

# Runs every help example against the staged module and writes its real output back into the examples files.
function Invoke-HelpExamplesTask {
    Invoke-FreshPwshFile -What 'Capturing the output of the help examples' -Path (Join-Path $RepositoryRoot 'build' 'Update-HelpExamples.ps1') -Parameters @{
        ModuleDirectory   = $StagingDirectory
        ExamplesDirectory = Join-Path $ModuleProject 'Help' 'Examples'
    }
    Invoke-ModuleHelp
}

function Invoke-BuildTask {
    if (Test-Path -LiteralPath $StagingDirectory) {
        Remove-Item -LiteralPath $StagingDirectory -Recurse -Force
    }
    Invoke-Dotnet -Arguments 'publish', $ModuleProject, '--configuration', $Configuration, '--output', $StagingDirectory, '--nologo'
    $nativeWorker = Invoke-NativeWorkerPublish
    Write-StagedManifest

    # The project already keeps these out; checked here too because a stray copy of the PowerShellStandard
    # stub in the module folder would break every cmdlet at run time.
    $foreign = @(Get-ChildItem -LiteralPath $StagingDirectory -Filter '*.dll' -Recurse | Where-Object Name -NotLike 'ConcurrencyDemo*.dll')
    if ($foreign.Count -gt 0) {
        throw "The staged module holds assemblies that are not ours: $($foreign.Name -join ', ')."
    }
    Invoke-ModuleHelp
    # Without the worker program Process mode would quietly fall back to pwsh workers, and without the native one
    # to the portable worker.
    foreach ($file in @('ConcurrencyDemo.dll', 'ConcurrencyDemo.psd1', 'ConcurrencyDemo.Format.ps1xml', 'ConcurrencyDemo.Types.ps1xml',
        'ConcurrencyDemo.Worker.dll', 'ConcurrencyDemo.Worker.runtimeconfig.json', 'ConcurrencyDemo.PhotoSite.dll',
        'en-US/ConcurrencyDemo.dll-Help.xml', 'en-US/about_ConcurrencyDemo.help.txt') + @($nativeWorker | Where-Object { $_ })) {
        if (-not (Test-Path -LiteralPath (Join-Path $StagingDirectory $file))) {
            throw "The staged module has no $file."
        }
    }
    Write-Host "Staged the module in $StagingDirectory" -ForegroundColor Green
    Invoke-CliPublish
}

# The instruction sets the native worker is compiled for: every one of the two the module knows that this processor
# runs, widest first, told apart as src/ConcurrencyDemo/Workers/MachineFacts.cs does (the .NET 10 native compiler's
# groups: "avx2" is AVX2 with BMI1, BMI2, FMA, LZCNT, MOVBE and F16C; "avx512" adds AVX-512 F, BW, CD, DQ and VL);
# none without AVX2. An AVX-512 machine builds both, so that a package made on it gives a processor with AVX2 alone a
# native worker too (the module starts the widest that runs where it is).
function Get-NativeInstructionSet {
    $x86 = 'System.Runtime.Intrinsics.X86'
    $cpuIdEcx = if (([type]"$x86.X86Base")::IsSupported) { ([type]"$x86.X86Base")::CpuId(1, 0).Item3 } else { 0 }
    $movbeAndF16c = (1 -shl 22) -bor (1 -shl 29)
    $avx2 = @('Avx2', 'Bmi1', 'Bmi2', 'Fma', 'Lzcnt' | Where-Object { -not ([type]"$x86.$_")::IsSupported }).Count -eq 0 -and
        ($cpuIdEcx -band $movbeAndF16c) -eq $movbeAndF16c
    if (-not $avx2) { return }
    $avx512 = @('Avx512F', 'Avx512F+VL', 'Avx512BW', 'Avx512CD', 'Avx512DQ' | Where-Object { -not ([type]"$x86.$_")::IsSupported }).Count -eq 0
    if ($avx512) { 'avx512' }
    'avx2'
}

# Process mode's worker once more, compiled to native code (Native AOT) for this machine's platform and each instruction
# set above, into native/<rid>-<instruction set> of the staged module (see the worker's project file for why). The
# module starts the widest one the platform and processor run (src/ConcurrencyDemo/Workers/NativeWorker.cs), the
# portable worker elsewhere. Native AOT links with clang, on Linux only here; without it the module is staged without a
# native worker, and says so. Returns the staged programs' paths under the module folder, or nothing.
function Invoke-NativeWorkerPublish {
    $instructionSets = @(Get-NativeInstructionSet)
    $why = if (-not $IsLinux) { 'it is built on Linux only' }
        elseif ([System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture -ne 'X64') { 'it is built for x64 processors only' }
        elseif ($instructionSets.Count -eq 0) { 'this processor lacks AVX2 (with BMI1, BMI2, FMA, LZCNT, MOVBE and F16C)' }
        elseif (-not (Get-Command -Name 'clang' -CommandType Application -ErrorAction SilentlyContinue)) { 'clang, which links it, is not installed (on Debian and Ubuntu: apt-get install clang)' }
    if ($why) {
        Write-Warning "The module is staged without the native worker, because $why; Process mode starts the portable worker."
        return
    }
    $programName = 'ConcurrencyDemo.Worker'
    foreach ($instructionSet in $instructionSets) {
        $folder = "native/$MachineRuntime-$instructionSet"
        # Published beside the build's other output first: the native compiler leaves symbol files that the module does not ship.
        $published = Join-Path $WorkerProject 'bin' $Configuration 'native' "$MachineRuntime-$instructionSet"
        Invoke-Dotnet -Arguments 'publish', $WorkerProject, '--configuration', $Configuration, '--framework', 'net10.0',
            '--runtime', $MachineRuntime, "-p:NativeInstructionSet=$instructionSet", '--output', $published, '--nologo' |
            Out-Host
        $destination = Join-Path $StagingDirectory $folder
        $null = New-Item -ItemType Directory -Path $destination -Force
        Copy-Item -LiteralPath (Join-Path $published $programName) -Destination $destination
        # Started once with no input, as the module first starts it: it must say it is ready, then end cleanly. (A narrower
        # instruction set runs on this machine too.)
        $program = Join-Path $destination $programName
        $ready = @($null | & $program) -match '"type":"ready"'
        if ($LASTEXITCODE -ne 0 -or -not $ready) {
            throw "The native worker does not start: $program exited with $LASTEXITCODE$(if (-not $ready) { ' without saying it was ready' })."
        }
        "$folder/$programName"
    }
}

# The CLI, precompiled for this machine's runtime and platform (see its project file for why).
function Invoke-CliPublish {
    if (Test-Path -LiteralPath $CliDirectory) {
        Remove-Item -LiteralPath $CliDirectory -Recurse -Force
    }
    Invoke-Dotnet -Arguments 'publish', $CliProject, '--configuration', $Configuration, '--framework', 'net10.0',
        '--runtime', $MachineRuntime, '--self-contained', 'false', '--output', $CliDirectory, '--nologo'
    $program = Join-Path $CliDirectory ($IsWindows ? 'concurrency-demo.exe' : 'concurrency-demo')
    $version = & $program --version
    if ($LASTEXITCODE -ne 0) {
        throw "The published CLI does not start: $program --version exited with $LASTEXITCODE."
    }
    # A lone --version skips the command line's parser; one real command runs the parser and the engine, whose
    # precompiled code a stale intermediate file once broke while --version still answered.
    $null = & $program sleep --count 1 --seconds 0 --mode sequential --format csv
    if ($LASTEXITCODE -ne 0) {
        throw "The published CLI does not run a command: '$program sleep --count 1 --seconds 0' exited with $LASTEXITCODE."
    }
    Write-Host "Published $version in $CliDirectory (run $program)" -ForegroundColor Green
}

# The version the packages get: the manifest's ModuleVersion, with PSData's Prerelease after a dash if there is one.
function Get-PackageVersion {
    param([hashtable] $Manifest)
    $prerelease = $Manifest.PrivateData.PSData['Prerelease']
    if ($prerelease) { "$($Manifest.ModuleVersion)-$prerelease" } else { "$($Manifest.ModuleVersion)" }
}

# Both packages, from what Build staged and from the CLI project, into a fresh out/packages.
function Invoke-PackageTask {
    if (Test-Path -LiteralPath $PackagesDirectory) {
        Remove-Item -LiteralPath $PackagesDirectory -Recurse -Force
    }
    $null = New-Item -ItemType Directory -Path $PackagesDirectory
    $manifest = Import-PowerShellDataFile -LiteralPath $StagedManifest
    $version = Get-PackageVersion -Manifest $manifest
    New-ModulePackage -Version $version -Manifest $manifest
    New-ToolPackage -Version $version
    Write-Host "Packed ConcurrencyDemo $version (module and .NET tool) in $PackagesDirectory" -ForegroundColor Green
}

# Staged files the installed module does without: symbol files, and the worker program's .deps.json (PowerShell
# never reads one, and without it the .NET host gives the worker the assemblies beside it, which are exactly
# ours; the install test runs Process mode from the installed folder).
function Test-Unpackaged {
    param([string] $FileName)
    $FileName -like '*.pdb' -or $FileName -like '*.deps.json'
}

# The module as the Gallery takes it: every file Build staged but those, so a module that gains an assembly or a
# views file is packed whole without a list here changing. Compress-PSResource makes the package Publish-PSResource
# would push (the same code writes the nuspec from the manifest), without a registered repository.
function New-ModulePackage {
    param([string] $Version, [hashtable] $Manifest)
    if (-not (Get-Command -Name 'Compress-PSResource' -Module 'Microsoft.PowerShell.PSResourceGet' -ErrorAction SilentlyContinue)) {
        throw 'Package needs Compress-PSResource, from Microsoft.PowerShell.PSResourceGet 1.1 or later (in pwsh 7.5 and later; dotnet pwsh is 7.6).'
    }
    # A folder named as the module, as Compress-PSResource requires; under out/ so Clean removes a leftover.
    $contentRoot = Join-Path $OutDirectory 'package-content'
    $moduleCopy = Join-Path $contentRoot 'ConcurrencyDemo'
    if (Test-Path -LiteralPath $contentRoot) {
        Remove-Item -LiteralPath $contentRoot -Recurse -Force
    }
    try {
        foreach ($file in Get-ChildItem -LiteralPath $StagingDirectory -File -Recurse | Where-Object { -not (Test-Unpackaged $_.Name) }) {
            $target = Join-Path $moduleCopy ([IO.Path]::GetRelativePath($StagingDirectory, $file.FullName))
            $null = New-Item -ItemType Directory -Path (Split-Path -Parent $target) -Force
            Copy-Item -LiteralPath $file.FullName -Destination $target
        }
        # Stops here with the manifest's own complaint rather than in a user's Install-PSResource.
        $null = Test-ModuleManifest -Path (Join-Path $moduleCopy 'ConcurrencyDemo.psd1') -ErrorAction Stop
        Compress-PSResource -Path $moduleCopy -DestinationPath $PackagesDirectory
    } finally {
        Remove-Item -LiteralPath $contentRoot -Recurse -Force -ErrorAction SilentlyContinue
    }
    $package = Join-Path $PackagesDirectory "ConcurrencyDemo.$Version.nupkg"
    if (-not (Test-Path -LiteralPath $package)) {
        throw "Compress-PSResource wrote no $package (found: $((Get-ChildItem -LiteralPath $PackagesDirectory).Name -join ', '))."
    }
    $psData = $Manifest.PrivateData.PSData
    $placeholders = @('ProjectUri', 'LicenseUri' | Where-Object { "$($psData[$_])" -like 'https://example.com/*' })
    if ($placeholders.Count -gt 0) {
        Write-Warning "$($placeholders -join ' and ') in ConcurrencyDemo.psd1 still point at example.com: set them before publishing (README, Publishing a release)."
    }
}

# The CLI as a .NET tool (see its project file for why portable), with the version MSBuild reads from the manifest.
function New-ToolPackage {
    param([string] $Version)
    # dotnet pack packs everything in the tool's publish folders: nothing a publish left there before may ride along.
    foreach ($folder in Get-ChildItem -Path (Join-Path $CliProject 'bin' $Configuration '*' 'publish') -Directory -ErrorAction SilentlyContinue) {
        Remove-Item -LiteralPath $folder.FullName -Recurse -Force
    }
    Invoke-Dotnet -Arguments 'pack', $CliProject, '--configuration', $Configuration, '--output', $PackagesDirectory, '--nologo'
    $package = Join-Path $PackagesDirectory "concurrency-demo.$Version.nupkg"
    if (-not (Test-Path -LiteralPath $package)) {
        throw "dotnet pack wrote no $package, though ConcurrencyDemo.psd1 says $Version (found: $((Get-ChildItem -LiteralPath $PackagesDirectory).Name -join ', '))."
    }
}

# Passed, failed and skipped of every .trx file dotnet test wrote.
function Read-TrxCount {
    param([string] $Directory)
    $count = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($file in Get-ChildItem -LiteralPath $Directory -Filter '*.trx' -File -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content -LiteralPath $file.FullName -Raw)).TestRun.ResultSummary.Counters
        $count.Passed += [int] $counters.passed
        $count.Failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $count.Skipped += [int] $counters.notExecuted
    }
    $count
}

# Passed, failed and skipped of Pester's NUnit 2.5 report.
function Read-NUnitCount {
    param([string] $Path)
    $count = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    if (Test-Path -LiteralPath $Path) {
        $summary = ([xml](Get-Content -LiteralPath $Path -Raw)).'test-results'
        $failed = [int] $summary.failures + [int] $summary.errors + [int] $summary.invalid
        $skipped = [int] $summary.'not-run' + [int] $summary.skipped + [int] $summary.ignored + [int] $summary.inconclusive
        $count.Failed = $failed
        $count.Skipped = $skipped
        $count.Passed = [int] $summary.total - $failed - [int] $summary.'not-run' - [int] $summary.inconclusive
    }
    $count
}

function Invoke-TestTask {
    if (Test-Path -LiteralPath $TestResultsDirectory) {
        Remove-Item -LiteralPath $TestResultsDirectory -Recurse -Force
    }
    $xunitResults = Join-Path $TestResultsDirectory 'xunit'
    $pesterResults = Join-Path $TestResultsDirectory 'pester.xml'
    $failures = [System.Collections.Generic.List[string]]::new()

    Push-Location -LiteralPath $RepositoryRoot
    try {
        Invoke-Dotnet -Arguments 'test', '--configuration', $Configuration, '--logger', 'trx', '--results-directory', $xunitResults
    } catch {
        $failures.Add($_.Exception.Message)
    } finally {
        Pop-Location
    }

    # The pinned Pester, restored from the NuGet feed like every other package: never the Gallery.
    Invoke-Dotnet -Arguments 'restore', $PesterProject, '--packages', $PesterPackages, '--nologo', '--verbosity', 'quiet'
    $pesterVersion = ([xml](Get-Content -LiteralPath $PesterProject -Raw)).Project.PropertyGroup.PesterVersion | Where-Object { $_ } | Select-Object -First 1
    $pesterManifest = Join-Path $PesterPackages 'pester' $pesterVersion 'tools' 'Pester.psd1'
    if (-not (Test-Path -LiteralPath $pesterManifest)) {
        throw "Pester $pesterVersion was restored, but $pesterManifest is not there."
    }

    # Paths go through the environment rather than into the command text: no quoting rules to get wrong.
    $env:CONCURRENCYDEMO_MODULE = $StagedManifest
    $env:CONCURRENCYDEMO_PACKAGES = $PackagesDirectory
    $env:CONCURRENCYDEMO_PESTER = $pesterManifest
    $env:CONCURRENCYDEMO_PESTER_TESTS = $PesterTests
    $env:CONCURRENCYDEMO_PESTER_RESULTS = $pesterResults
    try {
        Invoke-FreshPwsh -What 'Pester' -PwshArguments '-Command', @'
$ErrorActionPreference = 'Stop'
Import-Module -Name $env:CONCURRENCYDEMO_PESTER
$configuration = New-PesterConfiguration
$configuration.Run.Path = $env:CONCURRENCYDEMO_PESTER_TESTS
$configuration.Run.Exit = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $env:CONCURRENCYDEMO_PESTER_RESULTS
Invoke-Pester -Configuration $configuration
'@
    } catch {
        $failures.Add($_.Exception.Message)
    } finally {
        Remove-Item -Path 'Env:CONCURRENCYDEMO_MODULE', 'Env:CONCURRENCYDEMO_PACKAGES', 'Env:CONCURRENCYDEMO_PESTER', 'Env:CONCURRENCYDEMO_PESTER_TESTS', 'Env:CONCURRENCYDEMO_PESTER_RESULTS' -ErrorAction SilentlyContinue
    }
    if (-not (Test-Path -LiteralPath $pesterResults)) {
        $failures.Add("Pester wrote no results to $pesterResults.")
    }

    $xunit = Read-TrxCount -Directory $xunitResults
    $pester = Read-NUnitCount -Path $pesterResults
    Write-Host ("xunit: {0} passed, {1} failed, {2} skipped; Pester: {3} passed, {4} failed, {5} skipped; results in {6}" -f
        $xunit.Passed, $xunit.Failed, $xunit.Skipped, $pester.Passed, $pester.Failed, $pester.Skipped, $TestResultsDirectory)
    foreach ($failure in $failures) { Write-Host $failure -ForegroundColor Red }
    # The closing line CI reads: both test runners added up.
    Write-Host ('{0} passed, {1} failed, {2} skipped' -f ($xunit.Passed + $pester.Passed), ($xunit.Failed + $pester.Failed), ($xunit.Skipped + $pester.Skipped))
    if ($failures.Count -gt 0 -or $xunit.Failed + $pester.Failed -gt 0) {
        exit 1
    }
}

function Invoke-DemoTask {
    Invoke-FreshPwshFile -What 'The demo' -Path (Join-Path $RepositoryRoot 'build' 'Demo.ps1') -Parameters @{ ModulePath = $StagedManifest }
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
        foreach ($name in @('decode', 'pipeline', 'memory') + $ScriptBenchmarks.Keys) { $runs.Add([string[]] @($name)) }
    }
    foreach ($arguments in $runs) {
        if ($arguments[0] -in $ScriptBenchmarks.Keys) {
            $scriptPath = Join-Path $RepositoryRoot 'tests' 'tools' $ScriptBenchmarks[$arguments[0]]
            Invoke-FreshPwshFile -What "The $($arguments[0]) benchmark" -Path $scriptPath -Parameters @{}
            continue
        }
        Invoke-Dotnet -Arguments (@('run', '--configuration', 'Release', '--project', $BenchmarkProject, '--') + $arguments)
    }
}

function Invoke-InstallTask {
    $manifest = Import-PowerShellDataFile -LiteralPath $StagedManifest
    # The user's own module folder: the first PSModulePath entry under the home folder
    # (~/.local/share/powershell/Modules on Linux and macOS, Documents\PowerShell\Modules on Windows).
    $userHome = [Environment]::GetFolderPath('UserProfile')
    $userFolder = $env:PSModulePath -split [IO.Path]::PathSeparator |
        Where-Object { $_ -and [IO.Path]::GetFullPath($_).StartsWith($userHome, [StringComparison]::OrdinalIgnoreCase) } |
        Select-Object -First 1
    if (-not $userFolder) {
        throw "No entry of `$env:PSModulePath is under your home folder $userHome, so there is no user module folder to install into."
    }
    $destination = Join-Path $userFolder 'ConcurrencyDemo' $manifest.ModuleVersion
    if (Test-Path -LiteralPath $destination) {
        Remove-Item -LiteralPath $destination -Recurse -Force
    }
    $null = New-Item -ItemType Directory -Path $destination -Force
    Copy-Item -Path (Join-Path $StagingDirectory '*') -Destination $destination -Recurse -Force
    Write-Host "Installed ConcurrencyDemo $($manifest.ModuleVersion) in $destination; in a new session: Import-Module ConcurrencyDemo" -ForegroundColor Green
}

function Invoke-CleanTask {
    if (Test-Path -LiteralPath $OutDirectory) {
        Remove-Item -LiteralPath $OutDirectory -Recurse -Force
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
$packaged = $false
foreach ($name in $Task) {
    Write-Host "== $name ==" -ForegroundColor Yellow
    if (($name -in 'Test', 'Demo', 'Install', 'HelpExamples', 'Package' -or ($name -eq 'Bench' -and ($BenchmarkArgument.Count -eq 0 -or $BenchmarkArgument[0] -in $ScriptBenchmarks.Keys))) -and -not $staged) {
        Invoke-BuildTask
        $staged = $true
    }
    # The install tests need the packages of this very build.
    if ($name -eq 'Test' -and -not $packaged) {
        Invoke-PackageTask
        $packaged = $true
    }
    switch ($name) {
        'Build' { Invoke-BuildTask; $staged = $true; $packaged = $false }
        'Package' { Invoke-PackageTask; $packaged = $true }
        'Test' { Invoke-TestTask }
        'Demo' { Invoke-DemoTask }
        'Bench' { Invoke-BenchTask }
        'Install' { Invoke-InstallTask }
        'HelpExamples' { Invoke-HelpExamplesTask }
        'Clean' { Invoke-CleanTask; $staged = $false; $packaged = $false }
    }
}
