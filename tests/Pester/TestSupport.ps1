# What the Pester tests of the staged module share; dot-sourced in each file's BeforeAll (Pester runs only
# *.Tests.ps1, so this file is no test of its own).

. (Join-Path $PSScriptRoot '..' '..' 'build' 'PwshCommand.ps1')

# The module under test: $env:CONCURRENCYDEMO_MODULE (./build.ps1 Test sets it), or the staged module.
function Get-TestModulePath {
    if ($env:CONCURRENCYDEMO_MODULE) { return $env:CONCURRENCYDEMO_MODULE }
    Join-Path $PSScriptRoot '..' '..' 'out' 'ConcurrencyDemo' 'ConcurrencyDemo.psd1'
}

# Every live process whose parent is this pwsh, whatever its name: a worker may be dotnet or pwsh.
function Get-ChildProcess {
    Get-Process | Where-Object {
        try { $_.Parent -and $_.Parent.Id -eq $PID } catch { $false }
    }
}

# Workers are stopped before the cmdlet returns; the wait only absorbs a slow exit on a busy machine.
function Wait-NoChildProcess {
    $deadline = [DateTime]::UtcNow.AddSeconds(10)
    while ((Get-ChildProcess) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
    # Named, so that a failure says which process was left.
    Get-ChildProcess | ForEach-Object { "$($_.Id) $($_.ProcessName)" }
}

# Waits until $Condition is true, for at most $Seconds; false if it never became true.
function Wait-Until {
    param([scriptblock] $Condition, [double] $Seconds = 30)
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { return $false }
        Start-Sleep -Milliseconds 50
    }
    $true
}

# The packages ./build.ps1 Package wrote: $env:CONCURRENCYDEMO_PACKAGES (./build.ps1 Test sets it), or out/packages.
function Get-TestPackagesDirectory {
    if ($env:CONCURRENCYDEMO_PACKAGES) { return $env:CONCURRENCYDEMO_PACKAGES }
    Join-Path $PSScriptRoot '..' '..' 'out' 'packages'
}

# The version every package must have: the repository manifest's ModuleVersion (with PSData's Prerelease after a
# dash, if any), the one place the version is kept.
function Get-ExpectedPackageVersion {
    $manifest = Import-PowerShellDataFile -LiteralPath (Join-Path $PSScriptRoot '..' '..' 'ConcurrencyDemo.psd1')
    $prerelease = $manifest.PrivateData.PSData['Prerelease']
    if ($prerelease) { "$($manifest.ModuleVersion)-$prerelease" } else { "$($manifest.ModuleVersion)" }
}

# One package of out/packages, or a failure that says how to make it.
function Get-TestPackage {
    param([string] $Name)
    $path = Join-Path (Get-TestPackagesDirectory) "$Name.$(Get-ExpectedPackageVersion).nupkg"
    if (-not (Test-Path -LiteralPath $path)) {
        throw "There is no ${path}: run ./build.ps1 Package first (./build.ps1 Test does)."
    }
    $path
}

# Live processes whose program or command line lies under a folder: what an installation there left running.
function Get-ProcessUnder {
    param([string] $Folder)
    Get-Process | Where-Object {
        try {
            ($_.Path -and $_.Path.StartsWith($Folder)) -or ($_.CommandLine -and $_.CommandLine.Contains($Folder))
        } catch { $false }
    } | ForEach-Object { "$($_.Id) $($_.CommandLine)" }
}
