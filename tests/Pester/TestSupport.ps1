# What the Pester tests of the staged module share; dot-sourced in each file's BeforeAll (Pester runs only
# *.Tests.ps1, so this file is no test of its own).

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
