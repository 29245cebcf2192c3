// Each test class may start its own local host process (engine, sidecar, Kestrel); running them one at a
// time keeps timer-based assertions meaningful on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
