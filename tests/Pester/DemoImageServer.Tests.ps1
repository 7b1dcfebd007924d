#Requires -Version 7.4
# Pester tests of Start-, Get- and Stop-DemoImageServer against the staged module, run in a fresh pwsh by
# `./build.ps1 Test`, or by hand after `./build.ps1 Build`. Photos are small, sites listen on 127.0.0.1 only,
# and every test stops what it started.

Describe 'The demo photo site cmdlets' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSupport.ps1')
        $ModulePath = Get-TestModulePath
        Import-Module $ModulePath -Force

        $Small = @{ Count = 3; Width = 160; Height = 120 }

        # True when a listening socket can take the port: nothing holds it any more.
        function Test-PortFree {
            param([int] $Port)
            $probe = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, $Port)
            try { $probe.Start(); $true } catch [System.Net.Sockets.SocketException] { $false } finally { $probe.Stop() }
        }

        # A folder of three sample photos and a file that is not one.
        function New-PhotoFolder {
            param([string] $Path)
            $null = New-Item -ItemType Directory -Path $Path -Force
            foreach ($i in 1..3) { [ConcurrencyDemo.Imaging.Samples.SamplePhoto]::WriteJpeg((Join-Path $Path "p$i.jpg"), 120, 80, $i) }
            Set-Content -LiteralPath (Join-Path $Path 'notes.txt') -Value 'not a photo'
            $Path
        }
    }

    AfterEach {
        Stop-DemoImageServer
    }

    Context 'starting' {
        It 'writes the site with its base URI, count and every image URL, and lists it' {
            $site = Start-DemoImageServer @Small -LatencyMilliseconds 50 -BytesPerSecond 1MB

            $site | Should -BeOfType ([ConcurrencyDemo.DemoSite.DemoImageServerInfo])
            $site.BaseUri | Should -Be "http://127.0.0.1:$($site.Port)/"
            $site.Count | Should -Be 3
            $site.Uri | Should -BeOfType ([string])
            $site.Uri | Should -Be @(1..3 | ForEach-Object { "http://127.0.0.1:$($site.Port)/images/photo-0$_.jpg" })
            $site.LatencySeconds | Should -Be 0.05
            $site.BytesPerSecond | Should -Be 1MB
            $site.Source | Should -Be 'Generated 160x120'
            $site.Running | Should -BeTrue
            (Get-DemoImageServer).Port | Should -Be $site.Port
            (Get-DemoImageServer -Port $site.Port).BaseUri | Should -Be $site.BaseUri
        }

        It 'serves a folder''s photos byte for byte and answers 404 for anything else' {
            $folder = New-PhotoFolder -Path (Join-Path $TestDrive 'photos')
            $site = Start-DemoImageServer -Path $folder

            $site.Count | Should -Be 3
            $site.Source | Should -Be $folder
            $response = Invoke-WebRequest -Uri $site.Uri[1]
            $response.StatusCode | Should -Be 200
            $response.Headers['Content-Type'] | Should -Be 'image/jpeg'
            [System.Linq.Enumerable]::SequenceEqual([byte[]] $response.Content, [System.IO.File]::ReadAllBytes((Join-Path $folder 'p2.jpg'))) | Should -BeTrue

            $missing = Invoke-WebRequest -Uri "$($site.BaseUri)images/notes.txt" -SkipHttpErrorCheck
            $missing.StatusCode | Should -Be 404
        }

        It 'serves the same generated photos every time' {
            $first = Start-DemoImageServer @Small
            $second = Start-DemoImageServer @Small
            $a = (Invoke-WebRequest -Uri $first.Uri[2]).Content
            $b = (Invoke-WebRequest -Uri $second.Uri[2]).Content
            $a[0..1] | Should -Be @(0xFF, 0xD8)
            [System.Linq.Enumerable]::SequenceEqual([byte[]] $a, [byte[]] $b) | Should -BeTrue
        }

        It 'takes a relative -Path from the PowerShell location and a folder from Get-Item' {
            $null = New-PhotoFolder -Path (Join-Path $TestDrive 'relative')
            Push-Location -LiteralPath $TestDrive
            try {
                (Start-DemoImageServer -Path relative).Source | Should -Be (Join-Path $TestDrive 'relative')
            } finally {
                Pop-Location
            }
            (Get-Item -LiteralPath (Join-Path $TestDrive 'relative') | Start-DemoImageServer).Count | Should -Be 3
        }

        It 'feeds every image URL to a -Uri parameter that binds by property name' {
            function Receive-Uri {
                param([Parameter(ValueFromPipelineByPropertyName)] [string[]] $Uri)
                process { $Uri }
            }
            $site = Start-DemoImageServer @Small
            $site | Receive-Uri | Should -Be $site.Uri
        }

        It 'refuses a <What> with an error that names -Path and the folder' -ForEach @(
            @{ What = 'missing folder'; Name = 'missing'; Problem = "The folder '{0}' does not exist." }
            @{ What = 'file'; Name = 'file.jpg'; Problem = "'{0}' is a file, not a folder of images." }
            @{ What = 'folder without images'; Name = 'empty'; Problem = "The folder '{0}' holds no images (jpg, jpeg, png, gif, webp)." }
        ) {
            $path = Join-Path $TestDrive $Name
            if ($Name -eq 'file.jpg') { Set-Content -LiteralPath $path -Value 'x' }
            if ($Name -eq 'empty') { $null = New-Item -ItemType Directory -Path $path -Force }

            $site = Start-DemoImageServer -Path $path -ErrorVariable problems -ErrorAction SilentlyContinue

            $site | Should -BeNullOrEmpty
            $problems.Count | Should -Be 1
            $problems[0].Exception.Message | Should -Be ("Invalid -Path: $Problem" -f $path)
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPath,*'
            $problems[0].TargetObject | Should -Be $path
            @(Get-DemoImageServer).Count | Should -Be 0
        }

        It 'refuses a port that is taken, naming it' {
            $taken = Start-DemoImageServer @Small
            $null = Start-DemoImageServer @Small -Port $taken.Port -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems.Count | Should -Be 1
            $problems[0].Exception.Message | Should -BeLike "Invalid -Port: Cannot listen on 127.0.0.1:$($taken.Port):*"
            @(Get-DemoImageServer).Count | Should -Be 1
        }

        It 'refuses bad numbers when binding' {
            { Start-DemoImageServer -Count 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,ConcurrencyDemo.Commands.StartDemoImageServerCommand'
            { Start-DemoImageServer -BytesPerSecond -1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,ConcurrencyDemo.Commands.StartDemoImageServerCommand'
            { Start-DemoImageServer -Port 65536 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,ConcurrencyDemo.Commands.StartDemoImageServerCommand'
        }

        It 'shows a table that fits 80 columns' {
            $null = Start-DemoImageServer @Small -LatencyMilliseconds 200 -BytesPerSecond 10MB
            $lines = @(Get-DemoImageServer | Format-Table | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() }
            $lines[0] | Should -Match '^\s*Port\s+BaseUri\s+Count\s+Latency\(s\)\s+Bytes/s\s+Requests$'
            $lines[2] | Should -Match '10,485,760'
            $lines | Where-Object Length -GT 75 | Should -BeNullOrEmpty
        }
    }

    Context 'stopping' {
        It 'stops a piped site and frees its port' {
            $site = Start-DemoImageServer @Small
            $null = Invoke-WebRequest -Uri $site.Uri[0]
            Test-PortFree -Port $site.Port | Should -BeFalse

            $stopped = $site | Stop-DemoImageServer -PassThru

            $stopped.Port | Should -Be $site.Port
            $stopped.Running | Should -BeFalse
            $stopped.RequestCount | Should -Be 1
            Test-PortFree -Port $site.Port | Should -BeTrue
            @(Get-DemoImageServer).Count | Should -Be 0
            { Invoke-WebRequest -Uri $site.Uri[0] -TimeoutSec 5 } | Should -Throw
        }

        It 'stops by -Port, reports a port with no site, and keeps the others' {
            $one = Start-DemoImageServer @Small
            $two = Start-DemoImageServer @Small
            Stop-DemoImageServer -Port $one.Port, 9 -ErrorVariable problems -ErrorAction SilentlyContinue

            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'DemoImageServerNotFound,*'
            $problems[0].Exception.Message | Should -Be 'No demo image server of this PowerShell process listens on port 9; Get-DemoImageServer lists the running ones.'
            $one.Running | Should -BeFalse
            (Get-DemoImageServer).Port | Should -Be $two.Port
        }

        It 'stops every site when no port is given, and none under -WhatIf' {
            $sites = 1..2 | ForEach-Object { Start-DemoImageServer @Small }
            Stop-DemoImageServer -WhatIf
            @(Get-DemoImageServer).Count | Should -Be 2
            Stop-DemoImageServer
            @(Get-DemoImageServer).Count | Should -Be 0
            foreach ($site in $sites) { Test-PortFree -Port $site.Port | Should -BeTrue }
        }

        It 'stops nothing when the pipeline is empty' {
            $site = Start-DemoImageServer @Small
            @() | Stop-DemoImageServer
            $site.Running | Should -BeTrue
        }

        It 'stops the sites left running when the module is removed' {
            $site = Start-DemoImageServer @Small
            try {
                Remove-Module -Name ConcurrencyDemo
                $site.Running | Should -BeFalse
                Test-PortFree -Port $site.Port | Should -BeTrue
            } finally {
                Import-Module $ModulePath -Force
            }
            @(Get-DemoImageServer).Count | Should -Be 0
        }

        It 'lets pwsh exit with a site running, and its port is free then' {
            # Nothing of the site may keep the process alive (a foreground thread would).
            $pwsh = @(Get-PwshCommand)
            $portFile = Join-Path $TestDrive 'port.txt'
            $script = "Import-Module '$ModulePath'; (Start-DemoImageServer -Count 1 -Width 16 -Height 16).Port > '$portFile'"
            $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $script)
            $process = Start-Process -FilePath $pwsh[0] -ArgumentList $arguments -PassThru -RedirectStandardOutput (Join-Path $TestDrive 'out.txt')
            try {
                $process.WaitForExit(60000) | Should -BeTrue -Because 'pwsh ends once its command is done'
            } finally {
                if (-not $process.HasExited) { $process.Kill($true) }
            }
            $process.ExitCode | Should -Be 0
            $port = [int] (Get-Content -LiteralPath $portFile)
            $port | Should -BeGreaterThan 0
            Test-PortFree -Port $port | Should -BeTrue
        }
    }
}
