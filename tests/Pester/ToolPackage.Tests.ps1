#Requires -Version 7.4
# Pester tests of the .NET tool package, out/packages/concurrency-demo.<version>.nupkg (./build.ps1 Package), as a
# user gets it: dotnet tool install by name into a temporary tool folder, its version, one sleep run in every
# mode, dotnet tool uninstall. Run after `./build.ps1 Package`:  Invoke-Pester ./tests/Pester/ToolPackage.Tests.ps1
# $env:CONCURRENCYDEMO_PACKAGES may name another folder of packages.

Describe 'The concurrency-demo tool installed with dotnet tool install' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSupport.ps1')
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $Package = Get-TestPackage -Name 'concurrency-demo'
        $Version = Get-ExpectedPackageVersion
        $ToolPath = Join-Path $TestDrive 'tools'
        $Tool = Join-Path $ToolPath ($IsWindows ? 'concurrency-demo.exe' : 'concurrency-demo')

        $zip = [IO.Compression.ZipFile]::OpenRead($Package)
        try { $Entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }

        # Only the packages folder as a source: a machine offline never waits on nuget.org, and no published package
        # of the same name can be installed instead. A global packages folder of its own: NuGet never takes a
        # package of this version that an earlier run extracted instead of the one just built.
        $nugetConfig = Join-Path $TestDrive 'NuGet.Config'
        Set-Content -LiteralPath $nugetConfig -Value '<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /></packageSources></configuration>'
        $savedPackagesFolder = $env:NUGET_PACKAGES
        $env:NUGET_PACKAGES = Join-Path $TestDrive 'nuget-packages'
        try {
            # As a user installs it: by name, the newest version (a preview only when asked for).
            $arguments = @('tool', 'install', 'concurrency-demo', '--tool-path', $ToolPath, '--add-source', (Split-Path -Parent $Package),
                '--configfile', $nugetConfig, '--no-http-cache') + @(if ($Version -like '*-*') { '--prerelease' })
            $InstallOutput = & dotnet @arguments 2>&1
            $InstallExitCode = $LASTEXITCODE
        } finally {
            $env:NUGET_PACKAGES = $savedPackagesFolder
        }
    }

    AfterAll {
        if (Test-Path -LiteralPath $Tool) { $null = & dotnet tool uninstall concurrency-demo --tool-path $ToolPath 2>&1 }
    }

    It 'is a portable tool for .NET 8 and .NET 10, without symbol files' {
        $Entries | Should -Contain 'tools/net8.0/any/concurrency-demo.dll'
        $Entries | Should -Contain 'tools/net10.0/any/concurrency-demo.dll'
        $Entries | Should -Contain 'tools/net10.0/any/DotnetToolSettings.xml'
        $Entries | Where-Object { $_ -like '*.pdb' } | Should -BeNullOrEmpty
    }

    It 'installs by name from the packages folder' {
        $InstallExitCode | Should -Be 0 -Because ($InstallOutput -join [Environment]::NewLine)
        $Tool | Should -Exist
    }

    It 'says the manifest''s version' {
        $text = & $Tool --version

        $LASTEXITCODE | Should -Be 0
        $text | Should -Match ('^concurrency-demo ' + [regex]::Escape($Version) + ' \(\.NET \d')
    }

    It 'runs one sleep in <_> mode' -ForEach 'sequential', 'thread', 'pool', 'process', 'async' {
        $rows = @(& $Tool sleep --count 2 --seconds 0.1 --mode $_ --format csv | ConvertFrom-Csv)

        $LASTEXITCODE | Should -Be 0
        $rows.Count | Should -Be 2
        foreach ($row in $rows) {
            $row.Mode | Should -Be $_
            $row.Success | Should -Be 'True'
            # A Process-mode worker is the installed tool started again; the other modes start none.
            $row.WorkerHost | Should -Be $(if ($_ -eq 'process') { 'dotnet' } else { 'in-process' })
        }
    }

    It 'uninstalls with dotnet tool uninstall and leaves nothing running' {
        $output = & dotnet tool uninstall concurrency-demo --tool-path $ToolPath 2>&1

        $LASTEXITCODE | Should -Be 0 -Because ($output -join [Environment]::NewLine)
        $Tool | Should -Not -Exist
        Get-ChildItem -LiteralPath (Join-Path $ToolPath '.store') -Recurse -File -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ProcessUnder -Folder $ToolPath | Should -BeNullOrEmpty
    }
}
