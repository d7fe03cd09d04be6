"""PSRP glue: one psrpcore server runspace pool per shell, pipelines run on worker threads."""
