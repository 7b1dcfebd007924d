# Dot-sourced by Measure-ConvertModes.ps1: the shortest time a batch can take on a given number of lanes, when each lane
# takes the next item as soon as it is free (as Pool and Thread mode do) and every item takes what it took alone.

# The end of the last item when Lanes lanes take the items in the order given, each item to the lane that is free
# first: with two lanes the batch waits at the end for whichever item was started last, so its limit is above half of
# the sum by however unevenly the items' times happen to fall.
function Get-ListScheduleSeconds {
    param([double[]] $Seconds, [int] $Lanes)
    $free = [double[]]::new([math]::Max(1, $Lanes))
    foreach ($item in $Seconds) {
        $first = 0
        for ($lane = 1; $lane -lt $free.Count; $lane++) { if ($free[$lane] -lt $free[$first]) { $first = $lane } }
        $free[$first] += $item
    }
    ($free | Measure-Object -Maximum).Maximum
}
