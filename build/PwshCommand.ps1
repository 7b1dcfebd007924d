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
