# Dot-sourced by build.ps1, the build scripts, the benchmarks and the Pester tests: one answer to "how do I start
# another pwsh like this one", for the fresh sessions they start.

# The pwsh running this script, as a command: the program, then the arguments that come before pwsh's own. Run as a
# .NET tool (dotnet pwsh), this process is the dotnet host running pwsh.dll, and the same pair starts another one.
function Get-PwshCommand {
    $processPath = [Environment]::ProcessPath
    $pwshDll = Join-Path $PSHOME 'pwsh.dll'
    if ([IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet' -and (Test-Path -LiteralPath $pwshDll)) {
        return @($processPath, $pwshDll)
    }
    return @(Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
}

# Runs that pwsh with the given arguments, passed on as they are: its output goes down the pipeline and its exit code
# into $LASTEXITCODE, for the caller to check. Pass pwsh's parameters as separate words (-File x, not -File:x):
# PowerShell drops the name of a -Name:value argument it passes on to a program.
function Invoke-Pwsh {
    $command = @(Get-PwshCommand)
    & $command[0] @($command | Select-Object -Skip 1) @args
}
