#Requires -Version 7.4
# Pester tests (5.7 and 6) of the staged module's help, as Get-Help shows it: for every cmdlet the module
# exports, found when the tests are discovered, the help that build/New-ModuleHelp.ps1 writes (not the help
# PowerShell makes up from the syntax when a cmdlet has none), and the about topic.
# Run after `./build.ps1 Build`:  Invoke-Pester ./tests/Pester/Help.Tests.ps1
# $env:CONCURRENCYDEMO_MODULE may name another ConcurrencyDemo.psd1.

BeforeDiscovery {
    Set-StrictMode -Version 3.0
    $ErrorActionPreference = 'Stop'
    $modulePath = if ($env:CONCURRENCYDEMO_MODULE) {
        $env:CONCURRENCYDEMO_MODULE
    } else {
        Join-Path $PSScriptRoot '..' '..' 'out' 'ConcurrencyDemo' 'ConcurrencyDemo.psd1'
    }
    $module = Import-Module $modulePath -Force -PassThru
    $commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters

    $Cmdlets = @(foreach ($command in $module.ExportedCmdlets.Values | Sort-Object -Property Name) {
            @{
                Name       = $command.Name
                Parameters = @($command.Parameters.Keys | Where-Object { $_ -notin $commonParameters } | Sort-Object)
            }
        })
}

BeforeAll {
    Set-StrictMode -Version 3.0
    $ErrorActionPreference = 'Stop'
    $ModulePath = if ($env:CONCURRENCYDEMO_MODULE) {
        $env:CONCURRENCYDEMO_MODULE
    } else {
        Join-Path $PSScriptRoot '..' '..' 'out' 'ConcurrencyDemo' 'ConcurrencyDemo.psd1'
    }
    Import-Module $ModulePath -Force

    # The help's examples show, as a console does, the code and then, after one blank line, what it printed.
    function Split-ExampleCode {
        param([string] $Code)
        $parts = @($Code -split '\r?\n[ \t]*\r?\n', 2)
        [pscustomobject]@{
            Code   = $parts[0].Trim()
            Output = if ($parts.Count -gt 1) { $parts[1].Trim() } else { '' }
        }
    }

    function Get-ParagraphText {
        param($Paragraphs)
        (@($Paragraphs | Where-Object { $null -ne $_ } | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.Text } }) -join ' ').Trim()
    }

    # A property of a help object, or nothing: PowerShell's help has no property for a section it lacks.
    function Get-HelpProperty {
        param($InputObject, [string[]] $Path)
        $value = $InputObject
        foreach ($name in $Path) {
            $value = @($value | Where-Object { $null -ne $_ -and $_.PSObject.Properties[$name] } | ForEach-Object { $_.$name })
        }
        $value
    }
}

Describe 'The help of <Name>' -ForEach $Cmdlets {
    BeforeAll {
        $Help = Get-Help -Name $Name -Full
    }

    It 'comes from the module''s help file' {
        # Without one, Get-Help makes up a CmdletHelpInfo from the syntax.
        $Help.PSObject.TypeNames | Should -Contain 'MamlCommandHelpInfo'
    }

    It 'has a synopsis that is a sentence, not the syntax' {
        $synopsis = "$($Help.Synopsis)".Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        $synopsis | Should -Not -Match ('^' + [regex]::Escape($Name) + '\s+\[')
        $synopsis | Should -Not -Match 'CommonParameters'
    }

    It 'has a description' {
        Get-ParagraphText -Paragraphs (Get-HelpProperty $Help description) | Should -Not -BeNullOrEmpty
    }

    It 'describes -<_>' -ForEach $Parameters {
        $parameterName = $_
        $parameter = @(Get-HelpProperty $Help parameters, parameter | Where-Object name -EQ $parameterName)
        $parameter.Count | Should -Be 1 -Because "the help lists -$parameterName once"
        Get-ParagraphText -Paragraphs (Get-HelpProperty $parameter[0] description) | Should -Not -BeNullOrEmpty
    }

    It 'has at least three examples' {
        @(Get-HelpProperty $Help examples, example).Count | Should -BeGreaterOrEqual 3
    }

    It 'shows the code, the output and remarks of every example' {
        $examples = @(Get-HelpProperty $Help examples, example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) {
            $title = "$(Get-HelpProperty $example title)".Trim()
            $title | Should -Not -BeNullOrEmpty
            $shown = Split-ExampleCode -Code "$(Get-HelpProperty $example code)"
            $shown.Code | Should -Not -BeNullOrEmpty -Because "$title has code"
            $shown.Output | Should -Not -BeNullOrEmpty -Because "$title shows what its code printed"
            Get-ParagraphText -Paragraphs (Get-HelpProperty $example remarks) | Should -Not -BeNullOrEmpty -Because "$title says what the output shows"
        }
    }
}

Describe 'about_ConcurrencyDemo' {
    BeforeAll {
        # Not found, Get-Help writes an error; the tests below then say what is missing.
        $Text = Get-Help -Name about_ConcurrencyDemo -ErrorAction SilentlyContinue | Out-String
    }

    It 'is found by Get-Help' {
        $Text | Should -Match 'about_ConcurrencyDemo'
        $Text | Should -Match 'SHORT DESCRIPTION'
    }

    It 'explains the lesson of every mode' {
        foreach ($mode in [System.Enum]::GetNames([ConcurrencyDemo.Engine.ExecutionMode])) {
            $Text | Should -Match "\b$mode\b" -Because "every mode is explained"
        }
        foreach ($lesson in 'I/O-bound work overlaps', 'A pool bounds concurrency', 'A process costs its start-up',
            'Async waits without threads', 'CPU-bound work scales with threads') {
            $Text | Should -Match ([regex]::Escape($lesson))
        }
    }

    It 'names every property the results of every cmdlet share' {
        # Written by hand, so this is what tells its author when a result property is added or renamed.
        foreach ($property in [ConcurrencyDemo.Engine.Results.ItemResult].GetProperties().Name) {
            $Text | Should -Match "\b$property\b" -Because "the results have a $property property"
        }
    }

    It 'fits an 80-column console' {
        $wide = @($Text -split '\r?\n' | Where-Object Length -GT 80)
        $wide | Should -BeNullOrEmpty
    }
}
