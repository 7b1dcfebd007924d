#Requires -Version 7.4
<#
.SYNOPSIS
    Runs the code of every help example against the staged module and writes what it printed into the
    examples files.

.DESCRIPTION
    For every <CmdletName>.examples.md in ExamplesDirectory (see build/HelpExamples.psm1), each example's code
    runs in a fresh pwsh of its own (no profile), as a user would type it at the prompt:

    - the staged module imported, and the current folder an empty temporary one, so that files an example
      writes (Export-Csv) go nowhere and no example sees another's;
    - en-US culture, so numbers read the same whatever the machine's settings are;
    - PlainText output rendering (no colour codes), and output formatted for a Width-column console;
    - verbose, warning, debug and information messages written where they came, as the console shows them
      ("VERBOSE: ..."). Progress is not shown.

    An error from an example fails it, and a file is only rewritten when all its examples ran; only the
    output blocks change. Build again afterwards (./build.ps1 Build) to put the new output into the module's
    help.

.PARAMETER ModuleDirectory
    The staged module folder (by default out/ConcurrencyDemo, which ./build.ps1 Build writes).

.PARAMETER ExamplesDirectory
    The folder of the examples files (by default src/ConcurrencyDemo/Help/Examples).

.PARAMETER CommandName
    Only the examples of these cmdlets (wildcards allowed); by default every examples file.

.PARAMETER Width
    The width of the console the output is formatted for. Like a real console, the text uses one column less,
    which PowerShell leaves free so that a full line does not wrap.

.EXAMPLE
    pwsh -NoProfile -File build/Update-HelpExamples.ps1

.EXAMPLE
    pwsh -NoProfile -File build/Update-HelpExamples.ps1 -CommandName Invoke-SleepDemo
#>
[CmdletBinding()]
param(
    [string] $ModuleDirectory = (Join-Path $PSScriptRoot '..' 'out' 'ConcurrencyDemo'),
    [string] $ExamplesDirectory = (Join-Path $PSScriptRoot '..' 'src' 'ConcurrencyDemo' 'Help' 'Examples'),
    [string[]] $CommandName = @('*'),
    [ValidateRange(40, 1000)] [int] $Width = 80
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

Import-Module -Name (Join-Path $PSScriptRoot 'HelpExamples.psm1') -Force

# Invoke-Pwsh starts the fresh sessions the examples run in: a pwsh like the one running this script.
. (Join-Path $PSScriptRoot 'PwshCommand.ps1')

# Runs in the fresh pwsh. Its inputs come through the environment and files, so no quoting can change the code.
$ExampleRunner = @'
$ErrorActionPreference = 'Stop'
[System.Globalization.CultureInfo]::CurrentCulture = 'en-US'
[System.Globalization.CultureInfo]::CurrentUICulture = 'en-US'
$PSStyle.OutputRendering = 'PlainText'
$ProgressPreference = 'SilentlyContinue'
Import-Module -Name $env:HELP_EXAMPLE_MODULE
Set-Location -LiteralPath $env:HELP_EXAMPLE_FOLDER
$exampleCode = [System.IO.File]::ReadAllText($env:HELP_EXAMPLE_CODE)
$outputPath = $env:HELP_EXAMPLE_OUTPUT
$lineWidth = [int] $env:HELP_EXAMPLE_WIDTH - 1
$exampleErrors = [System.Collections.Generic.List[string]]::new()

# As typed at the prompt of a new session: no strict mode, the default preferences, and the example's
# variables in the global scope.
$ErrorActionPreference = 'Continue'
$text = . ([scriptblock]::Create($exampleCode)) *>&1 | ForEach-Object {
    if ($_ -is [System.Management.Automation.ErrorRecord]) { $exampleErrors.Add("$_") }
    elseif ($_ -is [System.Management.Automation.VerboseRecord]) { "VERBOSE: $($_.Message)" }
    elseif ($_ -is [System.Management.Automation.WarningRecord]) { "WARNING: $($_.Message)" }
    elseif ($_ -is [System.Management.Automation.DebugRecord]) { "DEBUG: $($_.Message)" }
    elseif ($_ -is [System.Management.Automation.InformationRecord]) { "$($_.MessageData)" }
    else { $_ }
} | Out-String -Width $lineWidth
$ErrorActionPreference = 'Stop'

if ($exampleErrors.Count -gt 0) {
    [Console]::Error.WriteLine("The example wrote $($exampleErrors.Count) error(s):`n$($exampleErrors -join "`n")")
    exit 1
}
[System.IO.File]::WriteAllText($outputPath, $text, [System.Text.UTF8Encoding]::new($false))
'@

# What the console would show, stored plainly: no trailing spaces on a line, no blank lines before or after.
function ConvertTo-StoredOutput {
    param([string] $Text)
    $lines = @(($Text -replace "`r`n", "`n") -split "`n" | ForEach-Object { $_.TrimEnd() })
    $first = 0
    while ($first -lt $lines.Count -and -not $lines[$first]) { $first++ }
    $last = $lines.Count - 1
    while ($last -ge $first -and -not $lines[$last]) { $last-- }
    if ($last -lt $first) { return '' }
    $lines[$first..$last] -join "`n"
}

function Invoke-HelpExample {
    param([string] $Manifest, [string] $Code)
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) "help-example-$([System.Guid]::NewGuid().ToString('N'))"
    $null = New-Item -ItemType Directory -Path $folder
    # The code and the output live beside the folder the example runs in, so it never sees them.
    $codePath = "$folder.code.ps1"
    $outputPath = "$folder.output.txt"
    $variables = @{
        HELP_EXAMPLE_MODULE = $Manifest
        HELP_EXAMPLE_FOLDER = $folder
        HELP_EXAMPLE_CODE   = $codePath
        HELP_EXAMPLE_OUTPUT = $outputPath
        HELP_EXAMPLE_WIDTH  = "$Width"
    }
    try {
        [System.IO.File]::WriteAllText($codePath, $Code, [System.Text.UTF8Encoding]::new($false))
        foreach ($name in $variables.Keys) { Set-Item -Path "Env:$name" -Value $variables[$name] }
        Invoke-Pwsh -NoLogo -NoProfile -NonInteractive -Command $ExampleRunner
        if ($LASTEXITCODE -ne 0) { throw "The example failed (exit code $LASTEXITCODE):`n$Code" }
        ConvertTo-StoredOutput -Text ([System.IO.File]::ReadAllText($outputPath))
    } finally {
        foreach ($name in $variables.Keys) { Remove-Item -Path "Env:$name" -ErrorAction SilentlyContinue }
        Remove-Item -LiteralPath $folder, $codePath, $outputPath -Recurse -Force -ErrorAction SilentlyContinue
    }
}

if (-not (Test-Path -LiteralPath $ModuleDirectory -PathType Container)) {
    throw "There is no staged module in $ModuleDirectory. Stage it first: ./build.ps1 Build"
}
$manifests = @(Get-ChildItem -LiteralPath $ModuleDirectory -Filter '*.psd1' -File)
if ($manifests.Count -ne 1) { throw "The module folder $ModuleDirectory must hold exactly one manifest (.psd1); it holds $($manifests.Count)." }
if (-not (Test-Path -LiteralPath $ExamplesDirectory -PathType Container)) { throw "There is no examples folder $ExamplesDirectory." }

$files = @(Get-ChildItem -LiteralPath $ExamplesDirectory -Filter '*.examples.md' -File |
        Where-Object { $name = $_.Name -replace '\.examples\.md$', ''; @($CommandName | Where-Object { $name -like $_ }).Count -gt 0 } |
        Sort-Object -Property Name)
if ($files.Count -eq 0) { throw "No examples file in $ExamplesDirectory matches $($CommandName -join ', ')." }

foreach ($file in $files) {
    $examples = @(Read-HelpExampleFile -Path $file.FullName)
    $outputs = [System.Collections.Generic.List[string]]::new()
    $number = 0
    foreach ($example in $examples) {
        $number++
        Write-Host "$($file.Name): example $number of $($examples.Count), '$($example.Title)'"
        $outputs.Add((Invoke-HelpExample -Manifest $manifests[0].FullName -Code $example.Code))
    }
    Set-HelpExampleOutput -Path $file.FullName -Output $outputs.ToArray()
    Write-Host "Wrote the output of $($examples.Count) example(s) into $($file.FullName)" -ForegroundColor Green
}
Write-Host "The help in $ModuleDirectory shows the new output once build/New-ModuleHelp.ps1 writes it again (./build.ps1 Build does)."
