// Each test class runs real engine processes and an emulator on a 2-core machine: one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
