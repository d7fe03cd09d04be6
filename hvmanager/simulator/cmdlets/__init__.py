"""The cmdlet engine: runs structured pipelines against a ``SimHost``.

``CommandEngine`` implements ``engine_api.PipelineRunner``. It binds parameters the way
PowerShell does (case-insensitive, unambiguous prefixes, aliases, positions per parameter set,
pipeline binding by value then by property name, first without then with conversion), runs
Begin/Process/End for every command with objects streaming between them, and writes error
records with the ids, categories, targets and messages a Windows host writes. Binding errors and
unknown commands fail the whole pipeline (``TerminatingError``); per-object errors are
non-terminating unless ``-ErrorAction Stop``. Scripts are refused as a no-language endpoint
refuses them. Decisions taken from the decompiled Hyper-V module are noted where they apply
(``vm_resolver``, ``vm_lifecycle_cmdlets``, ``integration_service_cmdlets``, ``error_factory``).

Not simulated: the warning, verbose and progress streams (the engine contract carries output
and errors only), ``-AsJob`` (runs synchronously), script blocks and calculated properties
other than ``@{Name=...; Expression='<property>'}``.
"""
