#Requires -Version 7.4
# Pester tests of Convert-ImageBatch against the staged module (see InvokeSleepDemo.Tests.ps1 for how they run).
# Photos are small sample photos made by the module's own generator, so the tests need no photo files.

Describe 'Convert-ImageBatch' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSupport.ps1')
        $ModulePath = Get-TestModulePath
        Import-Module $ModulePath -Force

        # Four photo-like JPEGs, and a folder for each test of its own.
        $Photos = Join-Path $TestDrive 'photos'
        $null = New-Item -ItemType Directory -Path $Photos
        foreach ($i in 1..4) {
            [ConcurrencyDemo.Imaging.Samples.SamplePhoto]::WriteJpeg((Join-Path $Photos "photo$i.jpg"), 640, 480, $i)
        }

        function New-TestFolder {
            $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            $null = New-Item -ItemType Directory -Path $folder
            $folder
        }
    }

    Context 'input' {
        It 'takes files from Get-ChildItem and writes each output under -Destination' {
            $out = New-TestFolder
            $results = @(Get-ChildItem -LiteralPath $Photos -Filter *.jpg | Convert-ImageBatch -Destination $out -MaxSize 100)

            $results.Count | Should -Be 4
            foreach ($result in $results) {
                $result | Should -BeOfType ([ConcurrencyDemo.Engine.Workloads.Convert.ConvertResult])
                $result.Success | Should -BeTrue
                "$($result.Failure)" | Should -Be 'None'
                $result.OutputPath | Should -BeLike "$out*"
                Test-Path -LiteralPath $result.OutputPath | Should -BeTrue
                [math]::Max($result.OutputWidth, $result.OutputHeight) | Should -Be 100
                $result.OutputBytes | Should -Be (Get-Item -LiteralPath $result.OutputPath).Length
            }
        }

        It 'expands wildcards in -Path, relative to the PowerShell location' {
            $out = New-TestFolder
            Push-Location -LiteralPath $Photos
            try {
                $results = @(Convert-ImageBatch 'photo[12].jpg' -Destination $out -MaxSize 50)
            } finally {
                Pop-Location
            }
            ($results.Label | Sort-Object) | Should -Be @('photo1.jpg', 'photo2.jpg')
        }

        It 'takes a name with [ as it is with -LiteralPath, and from Get-ChildItem' {
            $folder = New-TestFolder
            $odd = Join-Path $folder 'odd[1].jpg'
            Copy-Item -LiteralPath (Join-Path $Photos 'photo1.jpg') -Destination $odd

            $literal = Convert-ImageBatch -LiteralPath $odd -Destination (Join-Path $folder 'a') -MaxSize 50
            $piped = Get-Item -LiteralPath $odd | Convert-ImageBatch -Destination (Join-Path $folder 'b') -MaxSize 50

            $literal.Success | Should -BeTrue
            $piped.Success | Should -BeTrue
            Test-Path -LiteralPath (Join-Path $folder 'a' 'odd[1].jpg') | Should -BeTrue
        }

        It 'resolves a relative -Destination against the PowerShell location, not the process''s' {
            $here = New-TestFolder
            Push-Location -LiteralPath $here
            try {
                $result = Convert-ImageBatch -LiteralPath (Join-Path $Photos 'photo1.jpg') -MaxSize 50
            } finally {
                Pop-Location
            }
            $result.OutputPath | Should -Be (Join-Path $here 'processed' 'photo1.jpg')
            [Environment]::CurrentDirectory | Should -Not -Be $here
        }
    }

    Context '-WhatIf' {
        It 'converts nothing and makes no folder' {
            $out = Join-Path (New-TestFolder) 'never'
            $results = @(Convert-ImageBatch -Path (Join-Path $Photos '*.jpg') -Destination $out -WhatIf)

            $results.Count | Should -Be 0
            Test-Path -LiteralPath $out | Should -BeFalse
        }
    }

    Context 'every mode' {
        It 'writes byte-identical outputs in <Mode> mode' -ForEach @(
            @{ Mode = 'Thread' }, @{ Mode = 'Pool' }, @{ Mode = 'Process' }, @{ Mode = 'Async' }
        ) {
            $reference = New-TestFolder
            $other = New-TestFolder
            $null = Convert-ImageBatch -Path (Join-Path $Photos '*.jpg') -Destination $reference -Mode Sequential
            $results = @(Convert-ImageBatch -Path (Join-Path $Photos '*.jpg') -Destination $other -Mode $Mode -ThrottleLimit 2)

            $results.Count | Should -Be 4
            foreach ($result in $results) {
                "$($result.Mode)" | Should -Be $Mode
                $expected = Join-Path $reference (Split-Path -Leaf $result.OutputPath)
                (Get-FileHash -LiteralPath $result.OutputPath).Hash | Should -Be (Get-FileHash -LiteralPath $expected).Hash
            }
            if ($Mode -eq 'Process') {
                @($results.ProcessId | Sort-Object -Unique) | Should -Not -Contain $PID
            }
        }
    }

    Context 'bad input' {
        It 'fails what is not an image as a non-terminating InvalidInput error and converts the rest' {
            $folder = New-TestFolder
            Copy-Item -LiteralPath (Join-Path $Photos 'photo1.jpg') -Destination $folder
            Set-Content -LiteralPath (Join-Path $folder 'notes.jpg') -Value 'not a photo'
            $out = Join-Path $folder 'out'

            $results = @(Convert-ImageBatch -Path (Join-Path $folder '*.jpg') -Destination $out -ErrorVariable problems -ErrorAction SilentlyContinue)

            $results.Count | Should -Be 2
            $bad = $results | Where-Object Label -EQ 'notes.jpg'
            $bad.Success | Should -BeFalse
            "$($bad.Failure)" | Should -Be 'InvalidInput'
            $bad.Error | Should -BeLike "*notes.jpg*"
            ($results | Where-Object Label -EQ 'photo1.jpg').Success | Should -BeTrue
            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidInput,ConcurrencyDemo.Commands.ConvertImageBatchCommand'
            "$($problems[0].CategoryInfo.Category)" | Should -Be 'InvalidData'
            $problems[0].TargetObject.Label | Should -Be 'notes.jpg'
            # No partial output and no temporary file for the photo that failed.
            @(Get-ChildItem -LiteralPath $out -Force).Name | Should -Be @('photo1.jpg')
        }

        It 'refuses an output that exists unless -Force, naming it' {
            $out = New-TestFolder
            $photo = Join-Path $Photos 'photo2.jpg'
            $null = Convert-ImageBatch -LiteralPath $photo -Destination $out -MaxSize 40
            $before = (Get-Item -LiteralPath (Join-Path $out 'photo2.jpg')).LastWriteTimeUtc

            $again = Convert-ImageBatch -LiteralPath $photo -Destination $out -MaxSize 40 -ErrorVariable problems -ErrorAction SilentlyContinue
            "$($again.Failure)" | Should -Be 'OutputExists'
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'OutputExists,*'
            (Get-Item -LiteralPath (Join-Path $out 'photo2.jpg')).LastWriteTimeUtc | Should -Be $before

            (Convert-ImageBatch -LiteralPath $photo -Destination $out -MaxSize 40 -Force).Success | Should -BeTrue
        }

        It 'reports a missing file, a folder and an output that would replace its input, and goes on' {
            $folder = New-TestFolder
            $photo = Join-Path $folder 'photo1.jpg'
            Copy-Item -LiteralPath (Join-Path $Photos 'photo1.jpg') -Destination $photo
            $sub = New-Item -ItemType Directory -Path (Join-Path $folder 'sub')

            $results = @(Convert-ImageBatch -LiteralPath (Join-Path $folder 'missing.jpg'), $sub.FullName, $photo -Destination $folder `
                -ErrorVariable problems -ErrorAction SilentlyContinue)
            $results.Count | Should -Be 0
            @($problems.FullyQualifiedErrorId -replace ',.*') | Should -Be @('InputNotFound', 'InputIsAFolder', 'OutputClash')

            $converted = Convert-ImageBatch -LiteralPath (Join-Path $folder 'missing.jpg'), (Join-Path $Photos 'photo3.jpg') `
                -Destination (Join-Path $folder 'out') -ErrorAction SilentlyContinue
            $converted.Success | Should -BeTrue
        }

        It 'terminates at the first bad photo with -ErrorAction Stop' {
            $folder = New-TestFolder
            Set-Content -LiteralPath (Join-Path $folder 'notes.jpg') -Value 'not a photo'
            { Convert-ImageBatch -LiteralPath (Join-Path $folder 'notes.jpg') -Destination (Join-Path $folder 'out') -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidInput,ConcurrencyDemo.Commands.ConvertImageBatchCommand'
        }

        It 'refuses -<Name> <Value> naming the parameter' -ForEach @(
            @{ Name = 'Quality'; Value = 0 }
            @{ Name = 'Quality'; Value = 101 }
            @{ Name = 'MaxSize'; Value = -1 }
            @{ Name = 'BlurRadius'; Value = -2 }
        ) {
            $arguments = @{ $Name = $Value; LiteralPath = (Join-Path $Photos 'photo1.jpg'); Destination = (New-TestFolder) }
            { Convert-ImageBatch @arguments } | Should -Throw -ErrorId "Invalid$Name,ConcurrencyDemo.Commands.ConvertImageBatchCommand" -ExpectedMessage "Invalid -$Name*"
        }
    }

    Context 'stopping' {
        It 'leaves only whole images, no temporary file and no worker when stopped in <Mode> mode' -ForEach @(
            @{ Mode = 'Thread' }, @{ Mode = 'Process' }
        ) {
            # One large photo under twenty names: seconds of work, so that the stop lands mid-batch even when a
            # busy machine runs the batch ahead of this test.
            $folder = New-TestFolder
            $first = Join-Path $folder 'big01.jpg'
            [ConcurrencyDemo.Imaging.Samples.SamplePhoto]::WriteJpeg($first, 3000, 2000, 1)
            foreach ($i in 2..20) { Copy-Item -LiteralPath $first -Destination (Join-Path $folder ('big{0:00}.jpg' -f $i)) }
            $out = Join-Path $folder 'out'
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ModulePath).Invoke()
                $shell.Commands.Clear()
                $null = $shell.AddCommand('Convert-ImageBatch').AddParameter('Path', (Join-Path $folder '*.jpg')).
                    AddParameter('Destination', $out).AddParameter('Mode', $Mode).AddParameter('ThrottleLimit', 2).AddParameter('Verbose')
                $null = $shell.BeginInvoke()
                Wait-Until { @($shell.Streams.Verbose | Where-Object Message -Match 'Converting').Count -ge 1 } | Should -BeTrue
                $shell.Stop()

                "$($shell.InvocationStateInfo.State)" | Should -Be 'Stopped'
                @(Get-ChildItem -LiteralPath $out -Filter '*.jpg').Count | Should -BeLessThan 20
                Wait-Until { -not (Get-ChildProcess) } -Seconds 10 | Should -BeTrue
                @(Get-ChildItem -LiteralPath $out -Force -Filter '*.tmp').Count | Should -Be 0
                foreach ($file in Get-ChildItem -LiteralPath $out -Force) {
                    # Whole images only: each one decodes.
                    $file.Name | Should -Not -BeLike '.*'
                    { [ConcurrencyDemo.Imaging.ImageCodec]::Load($file.FullName).Dispose() } | Should -Not -Throw
                }
            } finally {
                $shell.Dispose()
            }
        }
    }
}
