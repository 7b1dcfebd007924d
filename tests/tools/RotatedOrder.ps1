# Dot-sourced by the benchmark scripts beside it, so that they all rotate alike.

# The items in the order one repetition runs them: repetition 1 starts with the first item, repetition 2 with the
# second, and so on round the list (past its end, from the first again), each item once per repetition, so that no
# item always runs first or last.
function Get-RotatedOrder {
    param([object[]] $Item, [int] $Repetition)
    $start = ($Repetition - 1) % $Item.Count
    @($Item[$start..($Item.Count - 1)]) + @(if ($start -gt 0) { $Item[0..($start - 1)] })
}
