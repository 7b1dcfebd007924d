#Requires -Version 7.4
# Pester tests of Get-ImageBatch against the staged module (see InvokeSleepDemo.Tests.ps1 for how they run).
# Every download comes from the demo photo site on loopback, started in this process: never the internet.

Describe 'Get-ImageBatch' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSupport.ps1')
        $ModulePath = Get-TestModulePath
        Import-Module $ModulePath -Force
        # The site's own object, for the bytes it serves (Start-DemoImageServer's object does not show them).
        if (-not ('ConcurrencyDemo.PhotoSite.DemoImageServer' -as [type])) {
            Add-Type -LiteralPath (Join-Path (Split-Path -Parent (Resolve-Path $ModulePath)) 'ConcurrencyDemo.PhotoSite.dll')
        }

        $Site = [ConcurrencyDemo.PhotoSite.DemoImageServer]::Start([ConcurrencyDemo.PhotoSite.DemoImageServerOptions]@{
            Count = 4; Width = 320; Height = 200
        })
        $Urls = @($Site.ImageUris | ForEach-Object AbsoluteUri)
        $Missing = [Uri]::new($Site.BaseUri, 'images/none.jpg').AbsoluteUri

        function New-TestFolder {
            $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            $null = New-Item -ItemType Directory -Path $folder
            $folder
        }

        # Every entry of a folder, hidden ones (temporary files) included.
        function Get-Entry([string] $Folder) {
            @(Get-ChildItem -LiteralPath $Folder -Force -ErrorAction SilentlyContinue | ForEach-Object Name | Sort-Object)
        }

        function Get-ServedBytes([string] $Name) { $Site.GetImageBytes($Name).ToArray() }
    }

    AfterAll {
        if ($Site) { $Site.Dispose() }
    }

    Context 'input' {
        It 'downloads URLs given as -Uri into -Destination, the bytes as served' {
            $out = New-TestFolder
            $results = @(Get-ImageBatch -Uri $Urls -Destination $out -Mode Thread)

            $results.Count | Should -Be 4
            foreach ($result in $results) {
                $result | Should -BeOfType ([ConcurrencyDemo.Engine.Workloads.Download.DownloadResult])
                "$($result.Status)" | Should -Be 'Downloaded'
                $result.Success | Should -BeTrue
                $result.Path | Should -BeLike "$out*"
                $name = Split-Path -Leaf $result.Path
                [IO.File]::ReadAllBytes($result.Path) | Should -Be (Get-ServedBytes $name)
            }
            Get-Entry $out | Should -Be @('photo-01.jpg', 'photo-02.jpg', 'photo-03.jpg', 'photo-04.jpg')
        }

        It 'takes URLs from the pipeline as strings, as System.Uri and by the property <Property>' -ForEach @(
            @{ Property = 'Uri' }, @{ Property = 'Url' }
        ) {
            $out = New-TestFolder
            $byValue = @($Urls[0], $Site.ImageUris[1] | Get-ImageBatch -Destination $out)
            $byName = @([pscustomobject]@{ $Property = $Urls[2] } | Get-ImageBatch -Destination $out)

            $byValue.Uri | Should -Be @($Urls[0], $Urls[1])
            $byName.Uri | Should -Be $Urls[2]
            Get-Entry $out | Should -Be @('photo-01.jpg', 'photo-02.jpg', 'photo-03.jpg')
        }

        It 'downloads every image of a site Start-DemoImageServer piped to it' {
            $out = New-TestFolder
            $site = Start-DemoImageServer -Count 3 -Width 160 -Height 100
            try {
                $results = @($site | Get-ImageBatch -Destination $out -Mode Async)
            } finally {
                $site | Stop-DemoImageServer
            }
            $results.Count | Should -Be 3
            ($results.Uri | Sort-Object) | Should -Be $site.Uri
            Get-Entry $out | Should -Be @('photo-01.jpg', 'photo-02.jpg', 'photo-03.jpg')
        }

        It 'saves into ./images, relative to the PowerShell location, without -Destination' {
            $folder = New-TestFolder
            Push-Location -LiteralPath $folder
            try {
                $result = Get-ImageBatch $Urls[0]
            } finally {
                Pop-Location
            }
            $result.Path | Should -Be (Join-Path $folder 'images' 'photo-01.jpg')
            Test-Path -LiteralPath $result.Path | Should -BeTrue
        }

        It 'runs no batch at all for an empty pipeline' {
            $folder = New-TestFolder
            Push-Location -LiteralPath $folder
            try {
                $results = @(@() | Get-ImageBatch)
            } finally {
                Pop-Location
            }
            $results.Count | Should -Be 0
            Test-Path -LiteralPath (Join-Path $folder 'images') | Should -BeFalse
        }

        It 'downloads nothing with -WhatIf' {
            $out = Join-Path (New-TestFolder) 'images'
            $before = $Site.RequestCount
            $results = @(Get-ImageBatch -Uri $Urls -Destination $out -WhatIf)

            $results.Count | Should -Be 0
            $Site.RequestCount | Should -Be $before
            Test-Path -LiteralPath $out | Should -BeFalse
        }

        It 'skips a file that exists, and downloads it again with -Force' {
            $out = New-TestFolder
            Set-Content -LiteralPath (Join-Path $out 'photo-01.jpg') -Value 'old' -NoNewline

            $skipped = Get-ImageBatch $Urls[0] -Destination $out
            "$($skipped.Status)" | Should -Be 'Skipped'
            $skipped.Attempts | Should -Be 0
            $skipped.Bytes | Should -Be 3
            Get-Content -LiteralPath (Join-Path $out 'photo-01.jpg') -Raw | Should -Be 'old'

            $forced = Get-ImageBatch $Urls[0] -Destination $out -Force
            "$($forced.Status)" | Should -Be 'Downloaded'
            [IO.File]::ReadAllBytes($forced.Path) | Should -Be (Get-ServedBytes 'photo-01.jpg')
        }
    }

    Context 'errors' {
        It 'reports a missing image as a non-terminating error with the result as target, and goes on' {
            $out = New-TestFolder
            $results = @(Get-ImageBatch -Uri $Urls[0], $Missing, $Urls[1] -Destination $out -ErrorVariable failures -ErrorAction SilentlyContinue)

            $results.Count | Should -Be 3
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'NotFound,ConcurrencyDemo.Commands.GetImageBatchCommand'
            "$($failures[0].CategoryInfo.Category)" | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject.Uri | Should -Be $Missing
            $failures[0].Exception.Message | Should -BeLike "*$Missing*404*"
            $missed = $results | Where-Object Uri -EQ $Missing
            "$($missed.Status)" | Should -Be 'Failed'
            $missed.Attempts | Should -Be 1
            Get-Entry $out | Should -Be @('photo-01.jpg', 'photo-02.jpg')
        }

        It 'stops at the first failure with -ErrorAction Stop' {
            $out = New-TestFolder
            { Get-ImageBatch -Uri $Missing -Destination $out -ErrorAction Stop } |
                Should -Throw -ErrorId 'NotFound,ConcurrencyDemo.Commands.GetImageBatchCommand'
        }

        It 'refuses a URL that is not http or https by name, and downloads the others' {
            $out = New-TestFolder
            $results = @(Get-ImageBatch -Uri 'ftp://example.com/a.jpg', $Urls[0] -Destination $out -ErrorVariable refused -ErrorAction SilentlyContinue)

            $results.Count | Should -Be 1
            $refused[0].FullyQualifiedErrorId | Should -Be 'InvalidUri,ConcurrencyDemo.Commands.GetImageBatchCommand'
            $refused[0].TargetObject | Should -Be 'ftp://example.com/a.jpg'
        }

        It 'fails a page that is no image, leaving no file' {
            $out = New-TestFolder
            $result = Get-ImageBatch "$($Urls[0])?html=1" -Destination $out -ErrorAction SilentlyContinue
            "$($result.Failure)" | Should -Be 'InvalidInput'
            Get-Entry $out | Should -BeNullOrEmpty
        }

        It 'retries a busy server as its Retry-After says' {
            $out = New-TestFolder
            $result = Get-ImageBatch "$($Urls[1])?status=503&times=2&retryAfter=1" -Destination $out -RetryIntervalSec 0
            "$($result.Status)" | Should -Be 'Downloaded'
            $result.Attempts | Should -Be 3
        }
    }

    Context 'output' {
        It 'exports the common fields first, then the download''s own, as the CLI''s csv' {
            $out = New-TestFolder
            $csv = Get-ImageBatch $Urls[0] -Destination $out | ConvertTo-Csv
            $header = $csv[0] -replace '"'
            $header | Should -BeLike 'RunId,Workload,Mode,*'
            $header | Should -BeLike '*,Error,Uri,Path,Bytes,StatusCode,ContentType,Attempts,Status,FirstByteSeconds,TransferSeconds'
        }

        It 'feeds Convert-ImageBatch, leaving out the downloads that failed' {
            $out = New-TestFolder
            $converted = Join-Path $out 'processed'
            $results = @(Get-ImageBatch -Uri $Urls[0], $Missing, $Urls[1] -Destination $out -ErrorAction SilentlyContinue -ErrorVariable failures |
                Convert-ImageBatch -Destination $converted -MaxSize 100 -ErrorVariable convertFailures)

            $results.Count | Should -Be 2
            $failures.Count | Should -Be 1
            $convertFailures.Count | Should -Be 0
            Get-Entry $converted | Should -Be @('photo-01.jpg', 'photo-02.jpg')
        }
    }

    Context 'stopping' {
        It 'leaves no temporary file and no worker when stopped in <Mode> mode' -ForEach @(
            @{ Mode = 'Thread' }, @{ Mode = 'Process' }
        ) {
            # A slow site: each photo takes seconds, so the stop lands mid-body.
            $slow = [ConcurrencyDemo.PhotoSite.DemoImageServer]::Start([ConcurrencyDemo.PhotoSite.DemoImageServerOptions]@{
                Count = 4; Width = 640; Height = 480; BytesPerSecond = 20000
            })
            $out = New-TestFolder
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ModulePath).Invoke()
                $shell.Commands.Clear()
                $null = $shell.AddCommand('Get-ImageBatch').AddParameter('Uri', [string[]]@($slow.ImageUris | ForEach-Object AbsoluteUri)).
                    AddParameter('Destination', $out).AddParameter('Mode', $Mode).AddParameter('ThrottleLimit', 2)
                $null = $shell.BeginInvoke()
                Wait-Until { @(Get-ChildItem -LiteralPath $out -Force -Filter '*.tmp').Count -ge 1 } | Should -BeTrue
                $shell.Stop()

                "$($shell.InvocationStateInfo.State)" | Should -Be 'Stopped'
                Wait-Until { -not (Get-ChildProcess) } -Seconds 10 | Should -BeTrue
                @(Get-ChildItem -LiteralPath $out -Force -Filter '*.tmp').Count | Should -Be 0
                foreach ($file in Get-ChildItem -LiteralPath $out -Force) {
                    # Whole images only.
                    $file.Name | Should -Not -BeLike '.*'
                    [IO.File]::ReadAllBytes($file.FullName) | Should -Be $slow.GetImageBytes($file.Name).ToArray()
                }
            } finally {
                $shell.Dispose()
                $slow.Dispose()
            }
        }
    }
}
