// Empty translation unit: zsq_test_pch exists only to own the precompiled
// header (torch, then QtTest) that every test executable reuses.
