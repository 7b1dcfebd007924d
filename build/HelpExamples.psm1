# The examples files of the module's help: one Markdown file per cmdlet, <CmdletName>.examples.md.
#
# Each "## " heading starts an example and is its title. Under it, in this order:
#   a ```powershell block: the code, exactly as a user would type it (no blank line inside, so that the
#     help can show the output after one blank line, as a console does);
#   a ```output block: what the code printed, written by build/Update-HelpExamples.ps1 (never by hand);
#   paragraphs of plain text: the remarks, which say what the output shows.
# Anything before the first "## " heading (the file's title, notes to authors) is not part of any example,
# and neither are HTML comments. Read by build/New-ModuleHelp.ps1 and rewritten by build/Update-HelpExamples.ps1,
# which only ever replaces the output blocks, so the rest of the file stays as its author wrote it.

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$CodeLanguage = 'powershell'
$OutputLanguage = 'output'

function Get-HelpExampleFilePath {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [string] $ExamplesDirectory,
        [Parameter(Mandatory)] [string] $CommandName
    )
    Join-Path $ExamplesDirectory "$CommandName.examples.md"
}

<#
.SYNOPSIS
    Reads an examples file: one object per example, with its title, code, output and remarks, and where
    in the file its blocks are (0-based line numbers, for Set-HelpExampleOutput).
#>
function Read-HelpExampleFile {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Path)

    $lines = @(Get-HelpExampleFileLines -Path $Path)
    $examples = [System.Collections.Generic.List[object]]::new()
    $current = $null
    $remarkLines = $null
    $inComment = $false
    $lineIndex = 0

    while ($lineIndex -lt $lines.Count) {
        $line = $lines[$lineIndex]
        $where = "${Path}:$($lineIndex + 1)"

        if ($inComment) {
            if ($line -match '-->') { $inComment = $false }
            $lineIndex++
            continue
        }
        if ($line -match '^\s*<!--') {
            $inComment = $line -notmatch '-->'
            $lineIndex++
            continue
        }

        if ($line -match '^##\s+(?<title>\S.*?)\s*$') {
            if ($current) { Complete-HelpExample -Example $current -RemarkLines $remarkLines -Path $Path; $examples.Add($current) }
            $current = [pscustomobject]@{
                Title           = $Matches.title
                Code            = $null
                Output          = $null
                Remarks         = @()
                Line            = $lineIndex
                CodeEndLine     = -1
                OutputStartLine = -1
                OutputEndLine   = -1
            }
            $remarkLines = [System.Collections.Generic.List[string]]::new()
            $lineIndex++
            continue
        }

        if ($line -match '^(?<fence>`{3,})\s*(?<language>[^`\s]*)\s*$') {
            $fence = $Matches.fence
            $language = $Matches.language
            $closing = $lineIndex + 1
            while ($closing -lt $lines.Count -and $lines[$closing] -notmatch "^$fence``*\s*$") { $closing++ }
            if ($closing -ge $lines.Count) {
                throw "${where}: the $fence block that starts here is never closed."
            }
            $content = @(if ($closing -gt $lineIndex + 1) { $lines[($lineIndex + 1)..($closing - 1)] })

            if ($current) {
                switch ($language) {
                    $CodeLanguage {
                        if ($null -ne $current.Code) { throw "${where}: example '$($current.Title)' has a second $CodeLanguage block; one example, one piece of code." }
                        $code = ($content -join "`n").Trim("`n")
                        if (-not $code.Trim()) { throw "${where}: the $CodeLanguage block of example '$($current.Title)' is empty." }
                        if ($code -match '\n\s*\n') {
                            throw "${where}: the code of example '$($current.Title)' has a blank line. The help shows the output after the first blank line, so the code must not contain one."
                        }
                        $current.Code = $code
                        $current.CodeEndLine = $closing
                    }
                    $OutputLanguage {
                        if ($null -eq $current.Code) { throw "${where}: example '$($current.Title)' has its $OutputLanguage block before its $CodeLanguage block." }
                        if ($null -ne $current.Output) { throw "${where}: example '$($current.Title)' has a second $OutputLanguage block." }
                        $current.Output = ($content -join "`n")
                        $current.OutputStartLine = $lineIndex
                        $current.OutputEndLine = $closing
                    }
                    default {
                        throw "${where}: example '$($current.Title)' has a '$language' block; an example has one ``````$CodeLanguage block and one ``````$OutputLanguage block."
                    }
                }
            }
            $lineIndex = $closing + 1
            continue
        }

        if ($current) { $remarkLines.Add($line) }
        $lineIndex++
    }
    if ($current) { Complete-HelpExample -Example $current -RemarkLines $remarkLines -Path $Path; $examples.Add($current) }

    $examples.ToArray()
}

<#
.SYNOPSIS
    Replaces the output blocks of an examples file (adding one after the code where there is none yet) and
    leaves every other line as it was.
.PARAMETER Output
    The new output of every example, in file order, one string each (lines separated by "`n").
#>
function Set-HelpExampleOutput {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [AllowEmptyString()] [string[]] $Output
    )

    $examples = @(Read-HelpExampleFile -Path $Path)
    if ($examples.Count -ne $Output.Count) {
        throw "$Path has $($examples.Count) example(s) but $($Output.Count) output(s) were given."
    }
    $lines = [System.Collections.Generic.List[string]]::new([string[]] @(Get-HelpExampleFileLines -Path $Path))

    # From the last example to the first, so that earlier line numbers stay valid while lines are replaced.
    for ($index = $examples.Count - 1; $index -ge 0; $index--) {
        $example = $examples[$index]
        $block = @(New-OutputBlock -Output $Output[$index])
        if ($example.OutputStartLine -ge 0) {
            $lines.RemoveRange($example.OutputStartLine, $example.OutputEndLine - $example.OutputStartLine + 1)
            $lines.InsertRange($example.OutputStartLine, [string[]] $block)
        } else {
            $lines.InsertRange($example.CodeEndLine + 1, [string[]] (@('') + $block))
        }
    }

    $newline = if ((Get-Content -LiteralPath $Path -Raw) -match "`r`n") { "`r`n" } else { "`n" }
    $utf8 = [System.Text.UTF8Encoding]::new($false)
    [System.IO.File]::WriteAllText($Path, ($lines -join $newline) + $newline, $utf8)
}

function Get-HelpExampleFileLines {
    param([string] $Path)
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) { throw "There is no examples file $Path." }
    $text = [System.IO.File]::ReadAllText((Resolve-Path -LiteralPath $Path).ProviderPath)
    $text = $text -replace "`r`n", "`n"
    if ($text.EndsWith("`n")) { $text = $text.Substring(0, $text.Length - 1) }
    $text -split "`n"
}

# The remarks are prose: a paragraph's lines are joined with spaces, and Markdown's `code` marks are dropped
# because Get-Help shows plain text.
function Complete-HelpExample {
    param($Example, [System.Collections.Generic.List[string]] $RemarkLines, [string] $Path)

    if ($null -eq $Example.Code) {
        throw "${Path}:$($Example.Line + 1): example '$($Example.Title)' has no ``````$CodeLanguage block."
    }
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $paragraph = [System.Collections.Generic.List[string]]::new()
    foreach ($line in @($RemarkLines) + '') {
        if ($line.Trim()) {
            $paragraph.Add($line.Trim())
        } elseif ($paragraph.Count -gt 0) {
            $paragraphs.Add((($paragraph -join ' ') -replace '`([^`]+)`', '$1'))
            $paragraph.Clear()
        }
    }
    $Example.Remarks = $paragraphs.ToArray()
}

# A fence longer than any run of backticks in the output, so that no output can close its own block.
function New-OutputBlock {
    param([string] $Output)
    $longestRun = 0
    foreach ($match in [regex]::Matches($Output, '`+')) { $longestRun = [Math]::Max($longestRun, $match.Length) }
    $fence = '`' * [Math]::Max(3, $longestRun + 1)
    "$fence$OutputLanguage"
    if ($Output.Length -gt 0) { $Output -split "`n" }
    $fence
}

Export-ModuleMember -Function Get-HelpExampleFilePath, Read-HelpExampleFile, Set-HelpExampleOutput
