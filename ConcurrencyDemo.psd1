#
# Module manifest for ConcurrencyDemo.
# The build copies this file next to ConcurrencyDemo.dll (bin/<Configuration>/net8.0 and out/ConcurrencyDemo),
# so every path below is relative to the module folder.
#
@{
    RootModule           = 'ConcurrencyDemo.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '87b6246e-f1d5-4216-8067-7dda7e1998c9'
    Author               = 'ConcurrencyDemo contributors'
    CompanyName          = 'ConcurrencyDemo contributors'
    Copyright            = '(c) 2026 ConcurrencyDemo contributors. MIT licence.'
    Description          = 'See and measure how Sequential, Thread, Pool, Process and Async execution change the time of I/O-bound and CPU-bound work: one timing object per item, ready for Format-Table, Export-Csv and Group-Object.'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'

    # Loaded at import so that the engine's types ([ConcurrencyDemo.Engine.ExecutionMode], the result types,
    # and the worker loop a Process-mode worker calls) resolve before any cmdlet has run.
    RequiredAssemblies   = @('ConcurrencyDemo.Engine.dll')

    FormatsToProcess     = @('ConcurrencyDemo.Format.ps1xml')

    CmdletsToExport      = @('Invoke-SleepDemo')
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()

    PrivateData          = @{
        PSData = @{
            Tags = @('concurrency', 'threading', 'parallel', 'demo', 'benchmark', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            # LicenseUri and ProjectUri: add once the project has a public home.
        }
    }
}
