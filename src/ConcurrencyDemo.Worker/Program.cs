using ConcurrencyDemo.Engine;

// Ctrl+C in a terminal reaches the whole process group, workers included. The parent owns a worker's life
// (it closes stdin or kills it), so a worker that died first would only show up as a spurious "worker
// exited" failure in the parent's output.
Console.CancelKeyPress += (_, e) => e.Cancel = true;
return WorkerMain.Run();
