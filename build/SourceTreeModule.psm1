# The root module of ConcurrencyDemo.psd1 as it stands in the source tree. A clone has no compiled module yet, so
# importing the repository's manifest lands here and says what to do in one line; ./build.ps1 Build writes the
# staged manifest (out/ConcurrencyDemo), whose root module is ConcurrencyDemo.dll.
$staged = Join-Path $PSScriptRoot '..' 'out' 'ConcurrencyDemo' 'ConcurrencyDemo.psd1'
$message = if (Test-Path -LiteralPath $staged) {
    'This is the source manifest of ConcurrencyDemo, not the built module: run Import-Module ./out/ConcurrencyDemo/ConcurrencyDemo.psd1 (or ./build.ps1 Install, then Import-Module ConcurrencyDemo).'
} else {
    'ConcurrencyDemo is not built yet: run ./build.ps1 Build (or dotnet tool restore && dotnet pwsh ./build.ps1 Build), then Import-Module ./out/ConcurrencyDemo/ConcurrencyDemo.psd1.'
}
throw [System.Management.Automation.ErrorRecord]::new(
    [System.InvalidOperationException]::new($message), 'ModuleNotBuilt', 'NotInstalled', $staged)
