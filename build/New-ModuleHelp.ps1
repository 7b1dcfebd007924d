#Requires -Version 7.4
<#
.SYNOPSIS
    Writes the MAML help of a staged binary module (<culture>/<Assembly>.dll-Help.xml) and copies its about topics.

.DESCRIPTION
    Every fact in the help comes from one place, so the help cannot say something the code does not:

    - the cmdlets themselves, read from the imported module: parameter sets, types, Mandatory, Position,
      pipeline input by value and by property name, aliases, wildcards, ValidateSet and ValidateRange (and
      the names of an enum type), [OutputType], and default values read from a new instance of the cmdlet;
    - the compiler's documentation file (<GenerateDocumentationFile>): the <summary> of a cmdlet class gives
      the synopsis (its first sentence) and the description (the rest, then the <remarks>); the <summary> of
      a parameter's property, then its <remarks> if it has one, is the parameter's description; <para>, <list>,
      <c>, <see cref> (a parameter of the cmdlet reads -Name) and <see langword> become plain text;
    - one examples file per cmdlet, <CmdletName>.examples.md in ExamplesDirectory (see build/HelpExamples.psm1),
      whose output blocks build/Update-HelpExamples.ps1 captures from real runs.

    Common parameters are never written: Get-Help adds them itself. The script stops, naming every gap at once,
    when a cmdlet or one of its parameters has no doc comment, a cmdlet's summary has nothing after its first
    sentence, a cmdlet has fewer than MinimumExampleCount examples, a line of an example's code is wider than
    Get-Help shows unbroken on an 80-column console, or an about topic has a line over 80 characters. An
    example whose output has not been captured yet is only a warning, so that a new example can be built and
    then captured.

    Afterwards the written file is read back as XML, and Get-Help must return the new synopsis and examples of
    every cmdlet.

    Run it in a fresh pwsh: it imports the module from ModuleDirectory, and a copy of the module's assembly
    already loaded in the session (an earlier build) could not be replaced.

.PARAMETER ModuleDirectory
    The staged module folder: the manifest and the assemblies. The help goes into its <Culture> subfolder.

.PARAMETER DocumentationFile
    The compiler's documentation XML file(s) of the assemblies that hold the cmdlets, e.g.
    src/ConcurrencyDemo/bin/Release/net8.0/ConcurrencyDemo.xml.

.PARAMETER ExamplesDirectory
    The folder of the <CmdletName>.examples.md files.

.PARAMETER AboutDirectory
    The folder of the about_*.help.txt topics, copied as they are (lines of at most 80 characters).

.EXAMPLE
    pwsh -NoProfile -File build/New-ModuleHelp.ps1 -ModuleDirectory out/ConcurrencyDemo -DocumentationFile src/ConcurrencyDemo/bin/Release/net8.0/ConcurrencyDemo.xml -ExamplesDirectory src/ConcurrencyDemo/Help/Examples -AboutDirectory src/ConcurrencyDemo/Help
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleDirectory,
    [Parameter(Mandatory)] [string[]] $DocumentationFile,
    [Parameter(Mandatory)] [string] $ExamplesDirectory,
    [Parameter(Mandatory)] [string] $AboutDirectory,
    [string] $Culture = 'en-US',
    [ValidateRange(0, 100)] [int] $MinimumExampleCount = 3
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

Import-Module -Name (Join-Path $PSScriptRoot 'HelpExamples.psm1') -Force

$Invariant = [System.Globalization.CultureInfo]::InvariantCulture
$MamlNamespace = 'http://schemas.microsoft.com/maml/2004/10'
$CommandNamespace = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$DevNamespace = 'http://schemas.microsoft.com/maml/dev/2004/10'
$AboutLineLimit = 80
# Get-Help breaks lines at the console's width wherever it falls, even inside a word, so the help's text is
# wrapped here at word boundaries: to the 79 columns an 80-column console writes (it keeps the last one free),
# less the indent Get-Help puts before each section.
$ConsoleLineWidth = 79
$SectionIndent = 4       # synopsis, description, example code and remarks
$ParameterIndent = 8     # parameter descriptions, inputs and outputs
$ExamplePrompt = 'PS> '
$CommonParameterNames = [System.Collections.Generic.HashSet[string]]::new([string[]] [System.Management.Automation.Cmdlet]::CommonParameters, [System.StringComparer]::OrdinalIgnoreCase)
# -WhatIf and -Confirm are not common parameters but have no doc comment of ours: the words PowerShell's own help uses.
$ShouldProcessParameterDescriptions = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

function Resolve-ExistingPath {
    param([string] $Path, [string] $What, [switch] $Directory)
    $type = if ($Directory) { 'Container' } else { 'Leaf' }
    if (-not (Test-Path -LiteralPath $Path -PathType $type)) { throw "$What '$Path' does not exist." }
    (Resolve-Path -LiteralPath $Path).ProviderPath
}

# --- Doc comments -------------------------------------------------------------------------------------------

function Read-DocumentationMembers {
    param([string[]] $Path)
    $members = @{}
    foreach ($file in $Path) {
        $document = [System.Xml.XmlDocument]::new()
        $document.Load($file)
        foreach ($member in $document.SelectNodes('/doc/members/member')) {
            $members[$member.GetAttribute('name')] = $member
        }
    }
    $members
}

# The doc comment of a type, or of a property where it is declared (a base class, for a shared parameter);
# for <inheritdoc/>, the one of the same member on the base type.
function Find-DocumentationMember {
    param([hashtable] $Members, [type] $Type, [string] $PropertyName)
    $current = if ($PropertyName) { Get-DeclaringType -Type $Type -PropertyName $PropertyName } else { $Type }
    while ($null -ne $current) {
        # Doc ids write a nested type's '+' as '.'.
        $typeId = $current.FullName -replace '\+', '.'
        $member = $Members[$(if ($PropertyName) { "P:$typeId.$PropertyName" } else { "T:$typeId" })]
        if (-not $member) { return $null }
        if (-not $member.SelectSingleNode('inheritdoc')) { return $member }
        $current = $current.BaseType
    }
    $null
}

function Get-DeclaringType {
    param([type] $Type, [string] $PropertyName)
    # The most derived property of that name (GetProperty would throw when one hides another).
    $property = $Type.GetProperties([System.Reflection.BindingFlags] 'Public, Instance') | Where-Object Name -EQ $PropertyName | Select-Object -First 1
    if ($property) { $property.DeclaringType } else { $Type }
}

# Inline doc-comment markup as the plain text Get-Help shows: <c> and <see langword> become their words, a
# cref becomes the short name (a parameter of the cmdlet as -Name), and runs of white space one space (the
# comments are wrapped for the editor; Get-Help wraps for the console).
function ConvertTo-InlineText {
    param([System.Xml.XmlNode] $Node, [string[]] $ParameterNames)
    $text = [System.Text.StringBuilder]::new()
    foreach ($child in $Node.ChildNodes) {
        switch ($child.NodeType) {
            'Text' { [void] $text.Append($child.Value) }
            'CDATA' { [void] $text.Append($child.Value) }
            'Whitespace' { [void] $text.Append(' ') }
            'SignificantWhitespace' { [void] $text.Append(' ') }
            'Element' {
                $element = [System.Xml.XmlElement] $child
                $replacement = switch ($element.LocalName) {
                    { $_ -in 'see', 'seealso' } {
                        if ($element.HasAttribute('langword')) { $element.GetAttribute('langword') }
                        elseif ($element.InnerText.Trim()) { ConvertTo-InlineText -Node $element -ParameterNames $ParameterNames }
                        elseif ($element.HasAttribute('cref')) { ConvertFrom-Cref -Cref $element.GetAttribute('cref') -ParameterNames $ParameterNames }
                        elseif ($element.HasAttribute('href')) { $element.GetAttribute('href') }
                    }
                    { $_ -in 'paramref', 'typeparamref' } { $element.GetAttribute('name') }
                    default { ConvertTo-InlineText -Node $element -ParameterNames $ParameterNames }
                }
                [void] $text.Append($replacement)
            }
        }
    }
    ($text.ToString() -replace '\s+', ' ').Trim()
}

function ConvertFrom-Cref {
    param([string] $Cref, [string[]] $ParameterNames)
    $name = ($Cref -replace '^[A-Z]:', '' -replace '\(.*$', '' -replace '`+\d+', '').Split('.')[-1]
    if ($Cref.StartsWith('P:') -and $ParameterNames -contains $name) { "-$name" } else { $name }
}

# A doc-comment section (<summary>, <remarks>) as blocks: paragraphs (text), and lists from <list>.
function ConvertTo-HelpBlocks {
    param([System.Xml.XmlNode] $Section, [string[]] $ParameterNames)
    if (-not $Section) { return }
    $blocks = [System.Collections.Generic.List[object]]::new()
    $pending = [System.Xml.XmlDocument]::new().CreateElement('pending')

    $flush = {
        $paragraph = ConvertTo-InlineText -Node $pending -ParameterNames $ParameterNames
        if ($paragraph) { $blocks.Add([pscustomobject]@{ Kind = 'Paragraph'; Text = $paragraph; Items = @(); Ordered = $false }) }
        $pending.RemoveAll()
    }

    foreach ($child in @($Section.ChildNodes)) {
        if ($child -is [System.Xml.XmlElement] -and $child.LocalName -eq 'para') {
            & $flush
            foreach ($inner in @($child.ChildNodes)) { [void] $pending.AppendChild($pending.OwnerDocument.ImportNode($inner, $true)) }
            & $flush
        } elseif ($child -is [System.Xml.XmlElement] -and $child.LocalName -eq 'list') {
            & $flush
            $items = foreach ($item in $child.SelectNodes('item')) {
                $term = $item.SelectSingleNode('term')
                $description = $item.SelectSingleNode('description')
                $itemText = if ($description) { ConvertTo-InlineText -Node $description -ParameterNames $ParameterNames } else { ConvertTo-InlineText -Node $item -ParameterNames $ParameterNames }
                if ($term) { "$(ConvertTo-InlineText -Node $term -ParameterNames $ParameterNames): $itemText" } else { $itemText }
            }
            $blocks.Add([pscustomobject]@{ Kind = 'List'; Text = ''; Items = @($items); Ordered = $child.GetAttribute('type') -eq 'number' })
        } else {
            [void] $pending.AppendChild($pending.OwnerDocument.ImportNode($child, $true))
        }
    }
    & $flush
    $blocks.ToArray()
}

function New-ParagraphBlock {
    param([string] $Text)
    [pscustomobject]@{ Kind = 'Paragraph'; Text = $Text; Items = @(); Ordered = $false }
}

# --- Cmdlet metadata ----------------------------------------------------------------------------------------

# How PowerShell's own help names a type: Int32, Double[], List[String].
function Get-TypeDisplayName {
    param([type] $Type)
    if ($Type.IsArray) { return "$(Get-TypeDisplayName -Type $Type.GetElementType())[]" }
    if ($Type.IsGenericType) {
        $arguments = ($Type.GetGenericArguments() | ForEach-Object { Get-TypeDisplayName -Type $_ }) -join ', '
        return "$($Type.Name -replace '`\d+$', '')[$arguments]"
    }
    $Type.Name
}

function Get-TypeFullDisplayName {
    param([type] $Type)
    if ($Type.IsArray) { return "$(Get-TypeFullDisplayName -Type $Type.GetElementType())[]" }
    if ($Type.IsGenericType) {
        $arguments = ($Type.GetGenericArguments() | ForEach-Object { Get-TypeFullDisplayName -Type $_ }) -join ', '
        return "$($Type.FullName -replace '`\d+\[.*$', '')[$arguments]"
    }
    $Type.FullName
}

function Format-HelpValue {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [System.Management.Automation.SwitchParameter]) { return $Value.IsPresent.ToString() }
    if ($Value -is [string]) { return $(if ($Value) { $Value } else { $null }) }
    if ($Value -is [System.Collections.IEnumerable]) {
        $items = @(foreach ($item in $Value) { Format-HelpValue -Value $item })
        return $(if ($items.Count -gt 0) { $items -join ', ' } else { $null })
    }
    if ($Value -is [System.IFormattable]) { return $Value.ToString($null, $Invariant) }
    "$Value"
}

function Test-UnboundedMaximum {
    param($Value)
    $Value -is [ValueType] -and (
        $Value -eq [int]::MaxValue -or $Value -eq [long]::MaxValue -or
        ($Value -is [double] -and ([double]::IsPositiveInfinity($Value) -or $Value -eq [double]::MaxValue)))
}

# The values a parameter takes when they are a closed list: its ValidateSet, or the names of its enum type.
function Get-AcceptedValues {
    param([System.Management.Automation.ParameterMetadata] $Parameter)
    $elementType = if ($Parameter.ParameterType.IsArray) { $Parameter.ParameterType.GetElementType() } else { $Parameter.ParameterType }
    $set = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($set) { $set.ValidValues } elseif ($elementType.IsEnum) { [System.Enum]::GetNames($elementType) }
}

# What the validation attributes and an enum type allow, in words, from the attributes themselves.
function Get-AcceptedValueText {
    param([System.Management.Automation.ParameterMetadata] $Parameter)
    $values = @(Get-AcceptedValues -Parameter $Parameter)
    if ($values.Count -gt 0) { "Accepted values: $($values -join ', ')." }
    foreach ($range in $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] }) {
        if ($null -ne $range.MinRange) {
            $minimum = Format-HelpValue -Value $range.MinRange
            if (Test-UnboundedMaximum -Value $range.MaxRange) { "Accepted range: $minimum or more." }
            else { "Accepted range: $minimum to $(Format-HelpValue -Value $range.MaxRange)." }
        } else {
            switch ("$($range.RangeKind)") {
                'Positive' { 'Accepted range: more than 0.' }
                'NonNegative' { 'Accepted range: 0 or more.' }
                'Negative' { 'Accepted range: less than 0.' }
                'NonPositive' { 'Accepted range: 0 or less.' }
            }
        }
    }
}

# The value a property has before PowerShell binds anything: what a new instance of the cmdlet holds. A
# mandatory parameter has none that matters, and a switch without a property (-WhatIf) is off.
function Get-DefaultValueText {
    param([object] $Instance, [string] $PropertyName, [bool] $Required, [bool] $IsSwitch)
    if ($Required) { return 'None' }
    $property = if ($null -ne $Instance) {
        $Instance.GetType().GetProperties([System.Reflection.BindingFlags] 'Public, Instance') | Where-Object Name -EQ $PropertyName | Select-Object -First 1
    }
    if (-not $property -or -not $property.CanRead) { return $(if ($IsSwitch) { 'False' } else { 'None' }) }
    $text = Format-HelpValue -Value $property.GetValue($Instance)
    if ($text) { $text } else { 'None' }
}

function Get-PipelineInputText {
    param([bool] $ByValue, [bool] $ByPropertyName)
    $kinds = @(if ($ByPropertyName) { 'ByPropertyName' }; if ($ByValue) { 'ByValue' })
    if ($kinds.Count -gt 0) { "True ($($kinds -join ', '))" } else { 'False' }
}

# Positional parameters by position, then mandatory ones, then the rest as declared: the order of Get-Command -Syntax.
function Get-SyntaxOrder {
    param([System.Management.Automation.CommandParameterInfo[]] $Parameters)
    $declared = 0
    $Parameters | ForEach-Object { [pscustomobject]@{ Parameter = $_; Declared = $declared++ } } |
        Sort-Object -Property @{ Expression = { if ($_.Parameter.Position -ge 0) { 0 } elseif ($_.Parameter.IsMandatory) { 1 } else { 2 } } },
            @{ Expression = { $_.Parameter.Position } }, @{ Expression = { $_.Declared } } |
        ForEach-Object Parameter
}

function Get-CmdletHelpModel {
    param([System.Management.Automation.CmdletInfo] $Command, [hashtable] $Members, [string] $ExamplesDirectory, [System.Collections.Generic.List[string]] $Problems)

    $type = $Command.ImplementingType
    $parameterNames = @($Command.Parameters.Keys | Where-Object { -not $CommonParameterNames.Contains($_) })

    $classDoc = Find-DocumentationMember -Members $Members -Type $type
    $synopsis = ''
    $description = @()
    if (-not $classDoc) {
        $Problems.Add("$($Command.Name): the class $($type.FullName) has no /// <summary> doc comment.")
    } else {
        $summary = @(ConvertTo-HelpBlocks -Section $classDoc.SelectSingleNode('summary') -ParameterNames $parameterNames)
        $remarks = @(ConvertTo-HelpBlocks -Section $classDoc.SelectSingleNode('remarks') -ParameterNames $parameterNames)
        if ($summary.Count -eq 0 -or $summary[0].Kind -ne 'Paragraph') {
            $Problems.Add("$($Command.Name): the <summary> of $($type.FullName) must start with a sentence, the synopsis.")
        } else {
            # The first sentence ends at '.', '!' or '?' before white space (so "0.5" does not end it).
            if ($summary[0].Text -match '^(?<first>.+?[.!?])(?:\s+(?<rest>.*))?$') {
                $synopsis = $Matches.first
                $rest = if ($Matches.ContainsKey('rest')) { $Matches.rest } else { '' }
            } else {
                $synopsis = $summary[0].Text
                $rest = ''
            }
            $description = @(if ($rest) { New-ParagraphBlock -Text $rest }) + @($summary | Select-Object -Skip 1) + $remarks
            if ($description.Count -eq 0) {
                $Problems.Add("$($Command.Name): the <summary> of $($type.FullName) is only a synopsis; add the description after its first sentence, or a <remarks>.")
            }
        }
    }

    $instance = try { [System.Activator]::CreateInstance($type) } catch { $null }

    $sets = @($Command.ParameterSets | Sort-Object -Property @{ Expression = { -not $_.IsDefault } }, Name)
    $parameters = foreach ($name in ($parameterNames | Sort-Object)) {
        $metadata = $Command.Parameters[$name]
        $inSets = @(foreach ($set in $sets) { $set.Parameters | Where-Object Name -EQ $name })
        $positions = @($inSets | Where-Object Position -GE 0 | ForEach-Object Position | Select-Object -Unique)

        $blocks = @()
        $doc = Find-DocumentationMember -Members $Members -Type $type -PropertyName $name
        if ($doc) {
            $blocks = @(ConvertTo-HelpBlocks -Section $doc.SelectSingleNode('summary') -ParameterNames $parameterNames) +
                @(ConvertTo-HelpBlocks -Section $doc.SelectSingleNode('remarks') -ParameterNames $parameterNames)
        } elseif ($ShouldProcessParameterDescriptions.ContainsKey($name)) {
            $blocks = @(New-ParagraphBlock -Text $ShouldProcessParameterDescriptions[$name])
        }
        if ($blocks.Count -eq 0) {
            $declaring = (Get-DeclaringType -Type $type -PropertyName $name).FullName
            $Problems.Add("$($Command.Name): the parameter -$name ($declaring.$name) has no /// <summary> doc comment.")
        }
        $blocks += @(Get-AcceptedValueText -Parameter $metadata | ForEach-Object { New-ParagraphBlock -Text $_ })

        $required = $inSets.Count -gt 0 -and @($inSets | Where-Object { -not $_.IsMandatory }).Count -eq 0
        [pscustomobject]@{
            Name           = $name
            Type           = $metadata.ParameterType
            IsSwitch       = $metadata.SwitchParameter
            Required       = $required
            Position       = if ($positions.Count -gt 0) { "$($positions[0])" } else { 'named' }
            ByValue        = @($inSets | Where-Object ValueFromPipeline).Count -gt 0
            ByPropertyName = @($inSets | Where-Object ValueFromPipelineByPropertyName).Count -gt 0
            Aliases        = @($metadata.Aliases)
            Globbing       = @($metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count -gt 0
            DefaultValue   = Get-DefaultValueText -Instance $instance -PropertyName $name -Required $required -IsSwitch $metadata.SwitchParameter
            AcceptedValues = @(Get-AcceptedValues -Parameter $metadata)
            Description    = $blocks
        }
    }

    $syntax = foreach ($set in $sets) {
        [pscustomobject]@{
            Name       = $set.Name
            Parameters = @(Get-SyntaxOrder -Parameters @($set.Parameters | Where-Object { -not $CommonParameterNames.Contains($_.Name) }) | ForEach-Object {
                    $parameterSetInfo = $_
                    $model = $parameters | Where-Object Name -EQ $parameterSetInfo.Name
                    [pscustomobject]@{ Model = $model; Required = $parameterSetInfo.IsMandatory; Position = if ($parameterSetInfo.Position -ge 0) { "$($parameterSetInfo.Position)" } else { 'named' } }
                })
        }
    }

    $inputs = @(
        foreach ($parameter in $parameters | Where-Object ByValue) {
            $elementType = if ($parameter.Type.IsArray) { $parameter.Type.GetElementType() } else { $parameter.Type }
            [pscustomobject]@{ TypeName = Get-TypeFullDisplayName -Type $elementType; Text = @("$(Get-TypeDisplayName -Type $elementType) values bind to -$($parameter.Name) by value.") }
        }
        $byName = @($parameters | Where-Object ByPropertyName)
        if ($byName.Count -gt 0) {
            [pscustomobject]@{
                TypeName = 'System.Management.Automation.PSObject'
                Text     = @(foreach ($parameter in $byName) {
                        $names = @($parameter.Name) + $parameter.Aliases
                        "Any object with a property named $($names -join ' or ') binds it to -$($parameter.Name) by property name."
                    })
            }
        }
    )
    if ($inputs.Count -eq 0) {
        $inputs = @([pscustomobject]@{ TypeName = 'None'; Text = @("You cannot pipe objects to $($Command.Name).") })
    }

    # The properties of the module's own output types (from an assembly in the module folder); .NET's and
    # PowerShell's types are documented elsewhere.
    $outputs = @(foreach ($output in $Command.OutputType) {
            $text = @()
            $isModuleType = $output.Type -and $output.Type.Assembly.Location -and
                [System.IO.Path]::GetDirectoryName($output.Type.Assembly.Location) -eq $Command.Module.ModuleBase
            if ($isModuleType) {
                $chain = @(for ($current = $output.Type; $current -and $current -ne [object]; $current = $current.BaseType) { $current })
                [array]::Reverse($chain)
                $properties = foreach ($current in $chain) {
                    $current.GetProperties([System.Reflection.BindingFlags] 'Public, Instance, DeclaredOnly') | Sort-Object MetadataToken | ForEach-Object Name
                }
                $text = @("Properties: $(@($properties) -join ', ').")
            }
            [pscustomobject]@{ TypeName = $output.Name; Text = $text }
        })
    if ($outputs.Count -eq 0) {
        Write-Warning "$($Command.Name) has no [OutputType] attribute, so its help lists no outputs."
    }

    $examplesPath = Get-HelpExampleFilePath -ExamplesDirectory $ExamplesDirectory -CommandName $Command.Name
    $examples = @()
    if (-not (Test-Path -LiteralPath $examplesPath -PathType Leaf)) {
        $Problems.Add("$($Command.Name): there is no examples file $examplesPath.")
    } else {
        $examples = @(Read-HelpExampleFile -Path $examplesPath)
        if ($examples.Count -lt $MinimumExampleCount) {
            $Problems.Add("$($Command.Name): $examplesPath has $($examples.Count) example(s); at least $MinimumExampleCount are needed.")
        }
        $codeWidth = $ConsoleLineWidth - $SectionIndent
        foreach ($example in $examples) {
            foreach ($codeLine in @("$ExamplePrompt$($example.Code)" -split "`n") | Where-Object Length -GT $codeWidth) {
                $Problems.Add("$($Command.Name): a line of the code of example '$($example.Title)' is $($codeLine.Length) characters long with the prompt; Get-Help shows $codeWidth unbroken: '$codeLine'")
            }
        }
        foreach ($example in $examples | Where-Object { -not $_.Output -or -not $_.Output.Trim() }) {
            Write-Warning "$($Command.Name): the example '$($example.Title)' has no captured output yet; run build/Update-HelpExamples.ps1, then build again."
        }
    }

    [pscustomobject]@{
        Command     = $Command
        Synopsis    = $synopsis
        Description = $description
        Parameters  = @($parameters)
        Syntax      = @($syntax)
        Inputs      = $inputs
        Outputs     = $outputs
        Examples    = $examples
    }
}

# --- MAML ---------------------------------------------------------------------------------------------------

# Words onto lines of at most Width characters; a word longer than that gets a line of its own.
function Format-WrappedText {
    param([string] $Text, [int] $Width, [string] $FirstPrefix = '', [string] $NextPrefix = '')
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = $FirstPrefix
    $empty = $true
    foreach ($word in $Text.Trim() -split '\s+') {
        if (-not $empty -and $line.Length + 1 + $word.Length -gt $Width) {
            $lines.Add($line)
            $line = $NextPrefix + $word
        } else {
            $line = if ($empty) { $line + $word } else { "$line $word" }
        }
        $empty = $false
    }
    $lines.Add($line)
    $lines -join "`n"
}

# One maml:para per block. A list is one para of its own lines ("* item", wrapped under its text): Get-Help
# ends a maml:list without the blank line it puts after a para, and wraps its items inside words.
function Write-Paragraphs {
    param([System.Xml.XmlWriter] $Writer, [object[]] $Blocks, [int] $Indent, [switch] $TrailingBlankLine)
    $width = $ConsoleLineWidth - $Indent
    foreach ($block in $Blocks) {
        $text = if ($block.Kind -eq 'Paragraph') {
            Format-WrappedText -Text $block.Text -Width $width
        } else {
            $number = 0
            @(foreach ($item in $block.Items) {
                    $number++
                    $tag = if ($block.Ordered) { "$number. " } else { '* ' }
                    Format-WrappedText -Text $item -Width $width -FirstPrefix $tag -NextPrefix (' ' * $tag.Length)
                }) -join "`n"
        }
        $Writer.WriteElementString('maml', 'para', $MamlNamespace, $text)
    }
    # Get-Help puts a blank line after every para but the last; an empty para last gives that one its blank line.
    if ($TrailingBlankLine) { $Writer.WriteElementString('maml', 'para', $MamlNamespace, '') }
}

function Write-Description {
    param([System.Xml.XmlWriter] $Writer, [object[]] $Blocks, [int] $Indent)
    $Writer.WriteStartElement('maml', 'description', $MamlNamespace)
    Write-Paragraphs -Writer $Writer -Blocks $Blocks -Indent $Indent
    $Writer.WriteEndElement()
}

function Write-TypeElement {
    param([System.Xml.XmlWriter] $Writer, [string] $TypeName)
    $Writer.WriteStartElement('dev', 'type', $DevNamespace)
    $Writer.WriteElementString('maml', 'name', $MamlNamespace, $TypeName)
    $Writer.WriteEndElement()
}

function Write-ParameterElement {
    param([System.Xml.XmlWriter] $Writer, $Model, [bool] $Required, [string] $Position, [switch] $InSyntax)
    $Writer.WriteStartElement('command', 'parameter', $CommandNamespace)
    $Writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $Model.Type.IsArray.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', $Model.Globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', (Get-PipelineInputText -ByValue $Model.ByValue -ByPropertyName $Model.ByPropertyName))
    $Writer.WriteAttributeString('position', $Position)
    $Writer.WriteAttributeString('aliases', $(if ($Model.Aliases.Count -gt 0) { $Model.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $MamlNamespace, $Model.Name)
    # Get-Help shows a parameter's description only in the PARAMETERS section, not in the syntax.
    if (-not $InSyntax) { Write-Description -Writer $Writer -Blocks $Model.Description -Indent $ParameterIndent }
    if ($InSyntax -and $Model.AcceptedValues.Count -gt 0) {
        # Get-Help shows a value group in the syntax as {A | B | C}.
        $Writer.WriteStartElement('command', 'parameterValueGroup', $CommandNamespace)
        foreach ($value in $Model.AcceptedValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $CommandNamespace)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('variableLength', 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    } elseif (-not ($InSyntax -and $Model.IsSwitch)) {
        $Writer.WriteStartElement('command', 'parameterValue', $CommandNamespace)
        $Writer.WriteAttributeString('required', (-not $Model.IsSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', $Model.Type.IsArray.ToString().ToLowerInvariant())
        $Writer.WriteString((Get-TypeDisplayName -Type $Model.Type))
        $Writer.WriteEndElement()
    }
    Write-TypeElement -Writer $Writer -TypeName (Get-TypeFullDisplayName -Type $Model.Type)
    $Writer.WriteElementString('dev', 'defaultValue', $DevNamespace, $Model.DefaultValue)
    $Writer.WriteEndElement()
}

# "------ Example 1: Title ------", as wide as the lines of the section.
function Format-ExampleTitle {
    param([int] $Number, [string] $Title)
    $text = " Example ${Number}: $Title "
    $dashes = [Math]::Max(2, $ConsoleLineWidth - $SectionIndent - $text.Length)
    ('-' * [Math]::Floor($dashes / 2)) + $text + ('-' * [Math]::Ceiling($dashes / 2))
}

function Write-CommandElement {
    param([System.Xml.XmlWriter] $Writer, $Model, [string[]] $RelatedTopics)
    $name = $Model.Command.Name
    $Writer.WriteStartElement('command', 'command', $CommandNamespace)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $MamlNamespace)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $DevNamespace)

    $Writer.WriteStartElement('command', 'details', $CommandNamespace)
    $Writer.WriteElementString('command', 'name', $CommandNamespace, $name)
    $Writer.WriteElementString('command', 'verb', $CommandNamespace, $Model.Command.Verb)
    $Writer.WriteElementString('command', 'noun', $CommandNamespace, $Model.Command.Noun)
    Write-Description -Writer $Writer -Blocks @(New-ParagraphBlock -Text $Model.Synopsis) -Indent $SectionIndent
    $Writer.WriteEndElement()

    Write-Description -Writer $Writer -Blocks $Model.Description -Indent $SectionIndent

    $Writer.WriteStartElement('command', 'syntax', $CommandNamespace)
    foreach ($set in $Model.Syntax) {
        $Writer.WriteStartElement('command', 'syntaxItem', $CommandNamespace)
        $Writer.WriteElementString('maml', 'name', $MamlNamespace, $name)
        foreach ($entry in $set.Parameters) {
            Write-ParameterElement -Writer $Writer -Model $entry.Model -Required $entry.Required -Position $entry.Position -InSyntax
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $CommandNamespace)
    foreach ($parameter in $Model.Parameters) {
        Write-ParameterElement -Writer $Writer -Model $parameter -Required $parameter.Required -Position $parameter.Position
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'inputTypes', $CommandNamespace)
    foreach ($input in $Model.Inputs) {
        $Writer.WriteStartElement('command', 'inputType', $CommandNamespace)
        Write-TypeElement -Writer $Writer -TypeName $input.TypeName
        Write-Description -Writer $Writer -Blocks @($input.Text | ForEach-Object { New-ParagraphBlock -Text $_ }) -Indent $ParameterIndent
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'returnValues', $CommandNamespace)
    foreach ($output in $Model.Outputs) {
        $Writer.WriteStartElement('command', 'returnValue', $CommandNamespace)
        Write-TypeElement -Writer $Writer -TypeName $output.TypeName
        Write-Description -Writer $Writer -Blocks @($output.Text | ForEach-Object { New-ParagraphBlock -Text $_ }) -Indent $ParameterIndent
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $CommandNamespace)
    $number = 0
    foreach ($example in $Model.Examples) {
        $number++
        $Writer.WriteStartElement('command', 'example', $CommandNamespace)
        $Writer.WriteElementString('maml', 'title', $MamlNamespace, (Format-ExampleTitle -Number $number -Title $example.Title))
        # As a console shows it: the prompt and the code, then after one blank line what it printed. Get-Help
        # trims the start of every element, so the output's own first-line indent only survives inside the code.
        $transcript = "$ExamplePrompt$($example.Code)"
        if ($example.Output -and $example.Output.Trim()) { $transcript += "`n`n" + $example.Output }
        $Writer.WriteElementString('dev', 'code', $DevNamespace, $transcript)
        $Writer.WriteStartElement('dev', 'remarks', $DevNamespace)
        # The blank line ends the example before the next one's title.
        Write-Paragraphs -Writer $Writer -Blocks @($example.Remarks | ForEach-Object { New-ParagraphBlock -Text $_ }) -Indent $SectionIndent -TrailingBlankLine
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $CommandNamespace)
    foreach ($topic in $RelatedTopics | Where-Object { $_ -ne $name }) {
        $Writer.WriteStartElement('maml', 'navigationLink', $MamlNamespace)
        $Writer.WriteElementString('maml', 'linkText', $MamlNamespace, $topic)
        $Writer.WriteElementString('maml', 'uri', $MamlNamespace, '')
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

function Write-MamlFile {
    param([string] $Path, [object[]] $Models, [string[]] $RelatedTopics)
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    # Line breaks inside code and output are "`n" and stay so; the file's own are "`n" too on every system.
    $settings.NewLineChars = "`n"
    $settings.NewLineHandling = [System.Xml.NewLineHandling]::None
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteComment(' Generated by build/New-ModuleHelp.ps1 from the cmdlets, their doc comments and their examples files: edit those, not this file. ')
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($model in $Models) { Write-CommandElement -Writer $writer -Model $model -RelatedTopics $RelatedTopics }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    } finally {
        $writer.Dispose()
    }
}

# --- Main ---------------------------------------------------------------------------------------------------

$ModuleDirectory = Resolve-ExistingPath -Path $ModuleDirectory -What 'The module folder' -Directory
$DocumentationFile = @($DocumentationFile | ForEach-Object { Resolve-ExistingPath -Path $_ -What 'The documentation file' })
$ExamplesDirectory = Resolve-ExistingPath -Path $ExamplesDirectory -What 'The examples folder' -Directory
$AboutDirectory = Resolve-ExistingPath -Path $AboutDirectory -What 'The about topics folder' -Directory

$manifests = @(Get-ChildItem -LiteralPath $ModuleDirectory -Filter '*.psd1' -File)
if ($manifests.Count -ne 1) { throw "The module folder $ModuleDirectory must hold exactly one manifest (.psd1); it holds $($manifests.Count)." }

# An assembly of the module already loaded from elsewhere would be used instead of the staged one.
foreach ($assemblyFile in Get-ChildItem -LiteralPath $ModuleDirectory -Filter '*.dll' -File) {
    $loaded = [System.AppDomain]::CurrentDomain.GetAssemblies() |
        Where-Object { -not $_.IsDynamic -and $_.GetName().Name -eq $assemblyFile.BaseName -and $_.Location -ne $assemblyFile.FullName }
    if ($loaded) {
        throw "$($assemblyFile.Name) is already loaded in this session from $(@($loaded)[0].Location). Run this script in a fresh pwsh (pwsh -NoProfile -File ...)."
    }
}

$module = Import-Module -Name $manifests[0].FullName -PassThru -Force -ErrorAction Stop
$commands = @($module.ExportedCmdlets.Values | Sort-Object -Property Name)
if ($commands.Count -eq 0) { throw "The module $($module.Name) exports no cmdlets, so there is no help to write." }

$members = Read-DocumentationMembers -Path $DocumentationFile
$problems = [System.Collections.Generic.List[string]]::new()
$models = @(foreach ($command in $commands) {
        Get-CmdletHelpModel -Command $command -Members $members -ExamplesDirectory $ExamplesDirectory -Problems $problems
    })

$aboutFiles = @(Get-ChildItem -LiteralPath $AboutDirectory -Filter 'about_*.help.txt' -File)
foreach ($about in $aboutFiles) {
    $lineNumber = 0
    foreach ($line in [System.IO.File]::ReadAllLines($about.FullName)) {
        $lineNumber++
        if ($line.Length -gt $AboutLineLimit) { $problems.Add("$($about.FullName):${lineNumber}: $($line.Length) characters; about topics keep to $AboutLineLimit.") }
        if ($line -match '\t') { $problems.Add("$($about.FullName):${lineNumber}: a tab; about topics use spaces, which look the same in every pager.") }
    }
}

if ($problems.Count -gt 0) {
    # One line each, whole: an exception's message would be re-wrapped by the error view.
    foreach ($problem in $problems) { [Console]::Error.WriteLine("New-ModuleHelp: $problem") }
    throw "The module's help cannot be written: $($problems.Count) problem(s), listed above."
}

$helpDirectory = Join-Path $ModuleDirectory $Culture
$null = New-Item -ItemType Directory -Path $helpDirectory -Force
# Only what this script writes is replaced: a topic or cmdlet removed from the sources leaves no stale copy.
Get-ChildItem -LiteralPath $helpDirectory -File |
    Where-Object { $_.Name -like '*-Help.xml' -or $_.Name -like 'about_*.help.txt' } |
    Remove-Item -Force

$relatedTopics = @($aboutFiles | ForEach-Object { $_.Name -replace '\.help\.txt$', '' }) + @($commands.Name)
$written = foreach ($group in $models | Group-Object -Property { $_.Command.HelpFile }) {
    $path = Join-Path $helpDirectory $group.Name
    Write-MamlFile -Path $path -Models @($group.Group) -RelatedTopics $relatedTopics
    # Well-formed, or this throws.
    $null = [System.Xml.XmlDocument]::new().Load($path)
    $path
}
foreach ($about in $aboutFiles) { Copy-Item -LiteralPath $about.FullName -Destination $helpDirectory }

# What Get-Help makes of the file: the written synopsis and examples, not the help PowerShell generates
# from the syntax when it finds no file.
foreach ($model in $models) {
    $help = Get-Help -Name $model.Command.Name -Full
    # The written synopsis is wrapped onto lines; the words must be the same.
    $shownSynopsis = ("$($help.Synopsis)" -replace '\s+', ' ').Trim()
    if ($shownSynopsis -ne $model.Synopsis) {
        throw "Get-Help $($model.Command.Name) does not show the written help (synopsis '$shownSynopsis')."
    }
    $shown = @(if ($help.PSObject.Properties['examples'] -and $help.examples) { $help.examples.example }).Count
    if ($shown -ne $model.Examples.Count) {
        throw "Get-Help $($model.Command.Name) shows $shown example(s) instead of $($model.Examples.Count)."
    }
}
foreach ($about in $aboutFiles) {
    $topic = $about.Name -replace '\.help\.txt$', ''
    if (-not "$(Get-Help -Name $topic)".Trim()) { throw "Get-Help $topic finds nothing." }
}

foreach ($path in @($written) + @($aboutFiles | ForEach-Object { Join-Path $helpDirectory $_.Name })) {
    Write-Host "Wrote $path"
}
