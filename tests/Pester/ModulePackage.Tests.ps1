#Requires -Version 7.4
# Pester tests of the module package, out/packages/ConcurrencyDemo.<version>.nupkg (./build.ps1 Package), as a
# user gets it: its folder registered as a repository, Install-PSResource by name, then in a new session
# Import-Module by name, every exported cmdlet run once (Process mode too), its help shown, and
# Uninstall-PSResource. Every session is a fresh pwsh (a background job) whose home, data folder and module path
# are temporary folders: it sees no module of this machine's, and this machine keeps nothing of it.
# Run after `./build.ps1 Package`:  Invoke-Pester ./tests/Pester/ModulePackage.Tests.ps1
# $env:CONCURRENCYDEMO_PACKAGES may name another folder of packages.

BeforeDiscovery {
    # One harmless invocation per cmdlet the module exports, run in a session that imported the installed module
    # by name; $Folder is an empty folder of its own. Every error fails it, and so does an output whose Success is
    # false. When the module exports a new cmdlet, add a line here: 'has a smoke invocation for every exported
    # cmdlet' names each one that has none.
    $SmokeInvocations = [ordered]@{
        'Convert-ImageBatch' = {
            param($Folder)
            $photo = Join-Path $Folder 'sample.jpg'
            [ConcurrencyDemo.Imaging.Samples.SamplePhoto]::WriteJpeg($photo, 320, 240, 1)
            # Process mode too: the worker program loads the imaging library from the installed folder.
            Convert-ImageBatch -LiteralPath $photo -Destination (Join-Path $Folder 'out') -MaxSize 100 -Mode Sequential, Process -Force
        }
        'Invoke-SleepDemo'   = {
            Invoke-SleepDemo -Mode Sequential, Thread, Pool, Process, Async -Count 2 -Seconds 0.1
        }
        'Get-ImageBatch'             = {
            param($Folder)
            $site = Start-DemoImageServer -Count 2 -Width 64 -Height 48
            # Process mode too: a worker downloads with the engine from the installed folder.
            try { $site | Get-ImageBatch -Destination $Folder -Mode Sequential, Process -Force } finally { $site | Stop-DemoImageServer }
        }
        'Start-DemoImageServer'      = {
            $site = Start-DemoImageServer -Count 1 -Width 32 -Height 32
            $site | Stop-DemoImageServer
            if ($site.Uri.Count -ne 1) { throw "Start-DemoImageServer listed $($site.Uri.Count) images, not 1." }
        }
        'Get-DemoImageServer'        = {
            $site = Start-DemoImageServer -Count 1 -Width 32 -Height 32
            try { if (-not (Get-DemoImageServer | Where-Object Port -EQ $site.Port)) { throw 'Get-DemoImageServer did not list the site.' } } finally { $site | Stop-DemoImageServer }
        }
        'Stop-DemoImageServer'       = {
            $site = Start-DemoImageServer -Count 1 -Width 32 -Height 32
            Stop-DemoImageServer -Port $site.Port
            if (Get-DemoImageServer | Where-Object Port -EQ $site.Port) { throw 'Stop-DemoImageServer left the site running.' }
        }
        'Measure-ConcurrencyRun'     = {
            $null = Invoke-SleepDemo -Mode Sequential, Thread -Count 2 -Seconds 0.05 | Measure-ConcurrencyRun
        }
        'Show-ConcurrencyTimeline'   = {
            $lines = @(Invoke-SleepDemo -Mode Thread -Count 2 -Seconds 0.05 | Show-ConcurrencyTimeline -Width 60)
            if ($lines.Count -lt 3) { throw "Show-ConcurrencyTimeline drew $($lines.Count) lines." }
        }
        'Export-ConcurrencyTimeline' = {
            param($Folder)
            Invoke-SleepDemo -Mode Thread -Count 2 -Seconds 0.05 | Export-ConcurrencyTimeline -LiteralPath (Join-Path $Folder 'runs.html')
            if (-not (Test-Path -LiteralPath (Join-Path $Folder 'runs.html'))) { throw 'Export-ConcurrencyTimeline wrote no file.' }
        }
    }
}

Describe 'The module package' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSupport.ps1')
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $Package = Get-TestPackage -Name 'ConcurrencyDemo'
        $StagedFolder = Split-Path -Parent (Get-TestModulePath)

        $zip = [IO.Compression.ZipFile]::OpenRead($Package)
        try {
            $Entries = @($zip.Entries.FullName)
            $nuspecEntry = $zip.Entries | Where-Object FullName -EQ 'ConcurrencyDemo.nuspec'
            $reader = [IO.StreamReader]::new($nuspecEntry.Open())
            try { $Nuspec = ([xml] $reader.ReadToEnd()).package.metadata } finally { $reader.Dispose() }
        } finally {
            $zip.Dispose()
        }
        # The module's own files, without the package's: the nuspec and the Open Packaging Conventions parts.
        $ModuleEntries = @($Entries | Where-Object {
                $_ -ne 'ConcurrencyDemo.nuspec' -and $_ -ne '[Content_Types].xml' -and $_ -notlike '_rels/*' -and $_ -notlike 'package/*'
            } | Sort-Object)
        $SourceManifest = Import-PowerShellDataFile -LiteralPath (Join-Path $PSScriptRoot '..' '..' 'ConcurrencyDemo.psd1')
    }

    It 'holds every file Build staged except symbol files and the worker''s .deps.json' {
        $staged = @(Get-ChildItem -LiteralPath $StagedFolder -File -Recurse | Where-Object { $_.Name -notlike '*.pdb' -and $_.Name -notlike '*.deps.json' } |
                ForEach-Object { [IO.Path]::GetRelativePath($StagedFolder, $_.FullName).Replace('\', '/') } | Sort-Object)

        $ModuleEntries | Should -Be $staged
    }

    It 'holds the module, the worker program and the help, and no symbol, test or build file' {
        foreach ($file in 'ConcurrencyDemo.psd1', 'ConcurrencyDemo.dll', 'ConcurrencyDemo.Format.ps1xml', 'ConcurrencyDemo.Worker.dll',
            'ConcurrencyDemo.Worker.runtimeconfig.json', 'en-US/ConcurrencyDemo.dll-Help.xml', 'en-US/about_ConcurrencyDemo.help.txt') {
            $ModuleEntries | Should -Contain $file
        }
        $ModuleEntries | Where-Object { $_ -like '*.pdb' -or $_ -like '*.deps.json' -or $_ -like '*.Tests.*' -or $_ -like '*.ps1' -or $_ -like '*.csproj' -or $_ -match '(^|/)(tests?|build|bin|obj)/' } |
            Should -BeNullOrEmpty
    }

    It 'carries the manifest''s version and Gallery metadata' {
        $Nuspec.id | Should -Be 'ConcurrencyDemo'
        $Nuspec.version | Should -Be (Get-ExpectedPackageVersion)
        $Nuspec.projectUrl | Should -Be $SourceManifest.PrivateData.PSData.ProjectUri
        $Nuspec.licenseUrl | Should -Be $SourceManifest.PrivateData.PSData.LicenseUri
        $Nuspec.releaseNotes | Should -Not -BeNullOrEmpty
        $tags = $Nuspec.tags -split ' '
        foreach ($tag in $SourceManifest.PrivateData.PSData.Tags) { $tags | Should -Contain $tag }
    }
}

# Install-PSResource installs for the current user into a fixed folder under LocalApplicationData, which on Linux
# and macOS follows XDG_DATA_HOME and HOME, and on Windows cannot be moved: there the test would install into the
# user's own Documents folder, so it runs on Linux and macOS only.
Describe 'The module installed with Install-PSResource' -Skip:$IsWindows -ForEach @(@{ SmokeInvocations = $SmokeInvocations }) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSupport.ps1')
        $Package = Get-TestPackage -Name 'ConcurrencyDemo'
        $Version = Get-ExpectedPackageVersion
        $Root = Join-Path $TestDrive 'isolated'
        $IsolatedHome = Join-Path $Root 'home'
        # PowerShell's own user module folder under that home: where a new user's Install-PSResource puts modules.
        $UserModules = Join-Path $IsolatedHome '.local' 'share' 'powershell' 'Modules'
        foreach ($folder in $UserModules, (Join-Path $Root 'work')) { $null = New-Item -ItemType Directory -Path $folder -Force }

        # A fresh pwsh that sees only $Root: its home and data folders are there (PSResourceGet keeps its
        # repositories under the data folder and installs under the home), and its module path is one folder
        # there, once the modules the session itself needs are loaded. Output comes back as objects; an error
        # in it stops the caller.
        function Invoke-IsolatedPwsh {
            param([string] $ModulePath, [scriptblock] $ScriptBlock, [object[]] $ArgumentList = @())
            $job = Start-Job -ArgumentList $IsolatedHome, $ModulePath, $ScriptBlock.ToString(), $ArgumentList -ScriptBlock {
                param([string] $IsolatedHome, [string] $ModulePath, [string] $Body, [object[]] $Arguments)
                $ErrorActionPreference = 'Stop'
                $env:HOME = $IsolatedHome
                $env:XDG_DATA_HOME = Join-Path $IsolatedHome '.local' 'share'
                $env:XDG_CONFIG_HOME = Join-Path $IsolatedHome '.config'
                # They must exist: for a missing folder .NET reports no LocalApplicationData or ApplicationData at
                # all, and PSResourceGet (and the NuGet code in it) would write into the current directory instead.
                $null = New-Item -ItemType Directory -Path $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME -Force
                Import-Module Microsoft.PowerShell.Management, Microsoft.PowerShell.Utility, Microsoft.PowerShell.PSResourceGet
                $env:PSModulePath = $ModulePath
                & ([scriptblock]::Create($Body)) @Arguments
            }
            $job | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        }

        $Installed = Invoke-IsolatedPwsh -ModulePath $UserModules -ArgumentList (Split-Path -Parent $Package), ($Version -like '*-*') -ScriptBlock {
            param([string] $Packages, [bool] $Prerelease)
            Register-PSResourceRepository -Name 'ConcurrencyDemoPackages' -Uri $Packages -Trusted
            $resource = Install-PSResource -Name 'ConcurrencyDemo' -Repository 'ConcurrencyDemoPackages' -Prerelease:$Prerelease -Scope CurrentUser -PassThru
            $manifest = Join-Path $resource.InstalledLocation 'ConcurrencyDemo' "$($resource.Version)" 'ConcurrencyDemo.psd1'
            $tested = Test-ModuleManifest -Path $manifest -ErrorAction SilentlyContinue -ErrorVariable manifestErrors
            [pscustomobject]@{
                InstalledLocation = $resource.InstalledLocation
                Version           = "$($resource.Version)"
                Prerelease        = "$($resource.Prerelease)"
                ManifestPath      = $manifest
                ManifestVersion   = "$($tested.Version)"
                ManifestErrors    = [string[]] @($manifestErrors | ForEach-Object { "$_" })
            }
        }
        # From here on the module path is the one folder the module was installed into.
        $ModulePath = $Installed.InstalledLocation

        # One session uses the installed module as a user would: import by name, every cmdlet, Process mode, help.
        $smokeScripts = @{}
        foreach ($name in $SmokeInvocations.Keys) { $smokeScripts[$name] = $SmokeInvocations[$name].ToString() }
        $Session = @(Invoke-IsolatedPwsh -ModulePath $ModulePath -ArgumentList $smokeScripts, (Join-Path $Root 'work') -ScriptBlock {
                param([hashtable] $SmokeScripts, [string] $WorkFolder)
                Import-Module -Name 'ConcurrencyDemo'
                $module = Get-Module -Name 'ConcurrencyDemo'
                [pscustomobject]@{
                    Kind            = 'Module'
                    ModuleBase      = $module.ModuleBase
                    Version         = "$($module.Version)"
                    ExportedCmdlets = [string[]] @($module.ExportedCmdlets.Keys | Sort-Object)
                    Assemblies      = [string[]] @(Get-ChildItem -LiteralPath $module.ModuleBase -Filter '*.dll' |
                            ForEach-Object { "$($_.Name) $([Reflection.AssemblyName]::GetAssemblyName($_.FullName).Version)" })
                }

                foreach ($name in $SmokeScripts.Keys) {
                    $folder = New-Item -ItemType Directory -Path (Join-Path $WorkFolder $name)
                    $output = @()
                    $errors = @()
                    # $ErrorActionPreference is Stop here, so the first error of any kind ends the invocation.
                    try {
                        $output = @(& ([scriptblock]::Create($SmokeScripts[$name])) $folder.FullName)
                    } catch {
                        $errors = @($_)
                    }
                    $command = Get-Command -Name $name -ErrorAction SilentlyContinue
                    [pscustomobject]@{
                        Kind          = 'Smoke'
                        Name          = $name
                        CommandSource = if ($command) { $command.Module.ModuleBase } else { '' }
                        OutputCount   = $output.Count
                        Modes         = [string[]] @($output | Where-Object { $_.PSObject.Properties['Mode'] } | ForEach-Object { "$($_.Mode)" } | Select-Object -Unique)
                        FailedOutputs = [string[]] @($output | Where-Object { $_.PSObject.Properties['Success'] -and -not $_.Success } | ForEach-Object { "$($_.Label): $($_.Error)" })
                        Errors        = [string[]] @($errors | ForEach-Object { "$_" })
                    }
                }

                # The acceptance figure: ten one-second items on ten worker processes, three times.
                foreach ($run in 1..3) {
                    $DebugPreference = if ($run -eq 1) { 'Continue' } else { 'SilentlyContinue' }
                    $clock = [Diagnostics.Stopwatch]::StartNew()
                    $streams = @(Invoke-SleepDemo -Mode Process -Count 10 -ThrottleLimit 10 -Seconds 1 5>&1)
                    $clock.Stop()
                    $DebugPreference = 'SilentlyContinue'
                    $results = @($streams | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] })
                    [pscustomobject]@{
                        Kind         = 'ProcessRun'
                        WallSeconds  = $clock.Elapsed.TotalSeconds
                        Succeeded    = @($results | Where-Object Success).Count
                        WorkerHosts  = [string[]] @($results.WorkerHost | Select-Object -Unique)
                        Processes    = @($results.ProcessId | Select-Object -Unique).Count
                        WorkerChoice = [string[]] @($streams | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like 'Process: each worker process is *' } | ForEach-Object Message)
                    }
                }

                foreach ($name in $module.ExportedCmdlets.Keys) {
                    $help = Get-Help -Name $name -Full
                    [pscustomobject]@{
                        Kind     = 'Help'
                        Name     = $name
                        FromMaml = $help.PSObject.TypeNames -contains 'MamlCommandHelpInfo'
                        Synopsis = "$($help.Synopsis)".Trim()
                        Examples = @($help.examples.example).Count
                    }
                }
                $about = Get-Help -Name 'about_ConcurrencyDemo' -ErrorAction SilentlyContinue
                [pscustomobject]@{ Kind = 'About'; Text = "$about" }

                # Every worker process is stopped before its cmdlet returns; the wait only absorbs a slow exit.
                $deadline = [DateTime]::UtcNow.AddSeconds(10)
                do {
                    $children = @(Get-Process | Where-Object { try { $_.Parent -and $_.Parent.Id -eq $PID } catch { $false } })
                    if ($children.Count -eq 0) { break }
                    Start-Sleep -Milliseconds 200
                } while ([DateTime]::UtcNow -lt $deadline)
                [pscustomobject]@{ Kind = 'Children'; Processes = [string[]] @($children | ForEach-Object { "$($_.Id) $($_.ProcessName)" }) }
            })
        $Module = $Session | Where-Object Kind -EQ 'Module'
        $Smoke = $Session | Where-Object Kind -EQ 'Smoke'
        $ProcessRuns = @($Session | Where-Object Kind -EQ 'ProcessRun')
        $Help = @($Session | Where-Object Kind -EQ 'Help')
    }

    It 'installs by name from a folder repository, at the manifest''s version, into the isolated module folder' {
        $Installed.Version + $(if ($Installed.Prerelease) { "-$($Installed.Prerelease)" }) | Should -Be $Version
        $Installed.InstalledLocation | Should -BeLike "$Root*"
        $Installed.ManifestPath | Should -Exist
    }

    It 'passes Test-ModuleManifest where it is installed' {
        $Installed.ManifestErrors | Should -BeNullOrEmpty
        $Installed.ManifestVersion | Should -Be ($Version -replace '-.*$')
    }

    It 'imports by name from the installed folder, with the manifest''s version' {
        $Module.ModuleBase | Should -BeLike "$ModulePath*"
        $Module.Version | Should -Be ($Version -replace '-.*$')
    }

    It 'has the manifest''s version in every assembly' {
        $manifestVersion = [version] ($Version -replace '-.*$')
        $assemblyVersion = [version]::new($manifestVersion.Major, $manifestVersion.Minor, [Math]::Max($manifestVersion.Build, 0), [Math]::Max($manifestVersion.Revision, 0))
        $Module.Assemblies | Should -Not -BeNullOrEmpty
        $Module.Assemblies | Where-Object { $_ -notlike "* $assemblyVersion" } | Should -BeNullOrEmpty
    }

    It 'has a smoke invocation for every exported cmdlet' {
        $missing = @($Module.ExportedCmdlets | Where-Object { -not $SmokeInvocations.Contains($_) })
        $missing | Should -BeNullOrEmpty -Because "each exported cmdlet needs one harmless invocation in `$SmokeInvocations at the top of $(Split-Path -Leaf $PSCommandPath), and $($missing -join ', ') has none"
    }

    It 'runs <_> from the installed module without an error' -ForEach @($SmokeInvocations.Keys) {
        $Module.ExportedCmdlets | Should -Contain $_ -Because "the installed manifest should export $_"
        $run = $Smoke | Where-Object Name -EQ $_
        $run.Errors | Should -BeNullOrEmpty
        $run.FailedOutputs | Should -BeNullOrEmpty
        $run.CommandSource | Should -Be $Module.ModuleBase
    }

    It 'runs Invoke-SleepDemo in every mode' {
        ($Smoke | Where-Object Name -EQ 'Invoke-SleepDemo').Modes | Should -Be @('Sequential', 'Thread', 'Pool', 'Process', 'Async')
    }

    It 'finds the worker program in the installed folder in Process mode' {
        $ProcessRuns[0].WorkerChoice | Should -HaveCount 1
        # The native worker for this machine when the build staged one (native/<rid>-<instruction set>): the package kept
        # no execute permission, which the module gave back at its first Process run (the smoke runs above). Else the
        # portable worker.
        $staged = Join-Path (Split-Path -Parent (Get-TestModulePath)) 'native' "$([System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier)-*" 'ConcurrencyDemo.Worker'
        $expected = if (Test-Path -Path $staged) { "$($Module.ModuleBase)/native/*/ConcurrencyDemo.Worker, a dotnet worker, because the module has the worker compiled natively for *" }
            else { "* running $($Module.ModuleBase)*ConcurrencyDemo.Worker.dll, a dotnet worker, because *" }
        $ProcessRuns[0].WorkerChoice[0] | Should -BeLike "Process: each worker process is $expected"
        foreach ($run in $ProcessRuns) {
            $run.WorkerHosts | Should -Be 'dotnet'
            $run.Succeeded | Should -Be 10
            $run.Processes | Should -Be 10
        }
    }

    It 'overlaps ten one-second items on ten worker processes' {
        $seconds = @($ProcessRuns.WallSeconds | Sort-Object)
        $median = $seconds[1]
        Write-Host ('    Installed module, Process mode, 10 workers x 1 s: {0} s (median {1:0.00} s)' -f (($seconds | ForEach-Object { $_.ToString('0.00') }) -join ', '), $median)
        # One after another they take 10 s; overlapping, about 1.5 s on two cores. The bound only tells the two apart.
        $median | Should -BeLessThan 5
    }

    It 'shows the help of every exported cmdlet from the installed help file' {
        $Help.Name | Sort-Object | Should -Be $Module.ExportedCmdlets
        foreach ($entry in $Help) {
            $entry.FromMaml | Should -BeTrue -Because "Get-Help $($entry.Name) should come from en-US/ConcurrencyDemo.dll-Help.xml"
            $entry.Synopsis | Should -Not -BeNullOrEmpty
            $entry.Examples | Should -BeGreaterThan 0 -Because "Get-Help $($entry.Name) should have examples"
        }
        ($Session | Where-Object Kind -EQ 'About').Text | Should -BeLike '*about_ConcurrencyDemo*'
    }

    It 'leaves no worker process running' {
        ($Session | Where-Object Kind -EQ 'Children').Processes | Should -BeNullOrEmpty
        Get-ProcessUnder -Folder $Root | Should -BeNullOrEmpty
    }

    It 'uninstalls with Uninstall-PSResource and leaves nothing behind' {
        $after = Invoke-IsolatedPwsh -ModulePath $ModulePath -ArgumentList $ModulePath -ScriptBlock {
            param([string] $ModuleFolder)
            Uninstall-PSResource -Name 'ConcurrencyDemo'
            # Uninstall-PSResource (1.2.0) puts the machine's module folders back into PSModulePath: look only in ours.
            $env:PSModulePath = $ModuleFolder
            [pscustomobject]@{
                Installed = @(Get-InstalledPSResource -Name 'ConcurrencyDemo' -ErrorAction SilentlyContinue).Count
                Available = @(Get-Module -Name 'ConcurrencyDemo' -ListAvailable).Count
                Left      = [string[]] @(Get-ChildItem -LiteralPath $ModuleFolder -Recurse -Force | ForEach-Object FullName)
            }
        }
        $after.Installed | Should -Be 0
        $after.Available | Should -Be 0
        $after.Left | Should -BeNullOrEmpty
        Get-ProcessUnder -Folder $Root | Should -BeNullOrEmpty
    }
}
