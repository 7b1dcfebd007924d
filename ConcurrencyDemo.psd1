#
# Module manifest for ConcurrencyDemo: the one source of the module's metadata.
# ./build.ps1 Build writes the staged copy (out/ConcurrencyDemo/ConcurrencyDemo.psd1) from this file: it drops the
# source tree's RootModule line and keeps the lines marked '#staged ', so every path they name is relative to the
# module folder. Here, where nothing is built, the root module only says to run ./build.ps1 Build.
#
@{
    RootModule           = 'build/SourceTreeModule.psm1'
    #staged RootModule           = 'ConcurrencyDemo.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '87b6246e-f1d5-4216-8067-7dda7e1998c9'
    Author               = 'ConcurrencyDemo contributors'
    CompanyName          = 'ConcurrencyDemo contributors'
    Copyright            = '(c) 2026 ConcurrencyDemo contributors. MIT licence.'
    Description          = 'See and measure how Sequential, Thread, Pool, Process and Async execution change the time of I/O-bound and CPU-bound work: one timing object per item, ready for Format-Table, Export-Csv and Group-Object.'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'

    # Loaded at import so that the engine's types ([ConcurrencyDemo.Engine.ExecutionMode], the result types,
    # and the worker loop a Process-mode worker calls) and the imaging library's (sample photos) resolve
    # before any cmdlet has run.
    #staged RequiredAssemblies   = @('ConcurrencyDemo.Engine.dll', 'ConcurrencyDemo.Imaging.dll')

    #staged FormatsToProcess     = @('ConcurrencyDemo.Format.ps1xml')

    # Shows results' properties in the engine's one order, the same as the CLI's CSV (see ResultPropertyAdapter).
    #staged TypesToProcess       = @('ConcurrencyDemo.Types.ps1xml')

    CmdletsToExport      = @('Convert-ImageBatch', 'Get-ImageBatch', 'Invoke-SleepDemo', 'Measure-ConcurrencyRun', 'Show-ConcurrencyTimeline', 'Export-ConcurrencyTimeline', 'Start-DemoImageServer', 'Stop-DemoImageServer', 'Get-DemoImageServer')
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()

    # No HelpInfoUri: the help ships inside the module, and there is no updatable help to download.

    PrivateData          = @{
        PSData = @{
            Tags         = @('concurrency', 'threading', 'parallel', 'async', 'multiprocessing', 'performance', 'benchmark', 'demo', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')

            # Placeholders until the project has a public home: set both before publishing (README, "Publishing").
            # They must stay absolute URIs, or Test-ModuleManifest and Publish-PSResource refuse the manifest.
            ProjectUri   = 'https://example.com/ConcurrencyDemo'
            LicenseUri   = 'https://example.com/ConcurrencyDemo/LICENSE'

            # ModuleVersion above is the version of everything: MSBuild reads it for the assemblies and the
            # concurrency-demo tool. For a preview, add Prerelease = 'preview1' (letters and digits only) here.
            ReleaseNotes = @'
0.1.0
- Invoke-SleepDemo: I/O-bound items (sleeps) in Sequential, Thread, Pool, Process and Async mode, one timing
  object per item, ready for Format-Table, Export-Csv and Group-Object.
- Convert-ImageBatch: the CPU-bound photo pipeline (decode, Gaussian blur, thumbnail, encode) in every mode, in
  managed imaging code that reproduces Pillow's results.
- Get-ImageBatch: the I/O-bound lesson on a real network stack, downloads in every mode with retries,
  Invoke-WebRequest's timeouts, atomic files and safe names; Start-, Get- and Stop-DemoImageServer: a slow
  photo site on 127.0.0.1 with latency, bandwidth caps and faults, so the lesson needs no internet.
- Measure-ConcurrencyRun, Show-ConcurrencyTimeline and Export-ConcurrencyTimeline: every run compared and drawn
  (terminal Gantt chart, Perfetto trace, SVG, HTML); Invoke-SleepDemo -Steps.
- Process mode runs a small .NET worker program shipped in the module folder (pwsh workers on request).
- The concurrency-demo .NET tool runs the same engine from any shell: dotnet tool install --global concurrency-demo
'@
        }
    }
}
