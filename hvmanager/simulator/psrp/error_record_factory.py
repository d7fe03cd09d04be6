"""Turns the engine's ``SimError`` into the ErrorRecord a Windows host would serialise."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from psrpcore.types import (
    CommandOrigin,
    CommandTypes,
    ErrorCategory,
    ErrorCategoryInfo,
    ErrorRecord,
    InvocationInfo,
    NETException,
    PSObject,
    SessionStateEntryVisibility,
)

from hvmanager.simulator.engine_api import SimError

# HRESULT of System.Management.Automation.RuntimeException (COR_E_SYSTEM family).
_RUNTIME_HRESULT = -2146233087


@dataclass(frozen=True)
class _CommandInfo:
    # psrpcore serialises InvocationInfo.MyCommand by reading these four attributes.
    CommandType: Any
    Name: str
    Definition: str
    Visibility: Any


class _WindowsCategoryInfo(ErrorCategoryInfo):
    """CategoryInfo whose message has the colon Windows PowerShell writes after the category."""

    def __str__(self) -> str:
        return (f"{self.Category.name}: ({self.TargetName or ''}:{self.TargetType or ''}) "
                f"[{self.Activity or ''}], {self.Reason or ''}")


class ErrorRecordFactory:
    """Builds psrpcore ErrorRecords with the exception chain, category and InvocationInfo."""

    def __init__(self, pipeline_length: int = 1) -> None:
        self._pipeline_length = pipeline_length

    def exception(self, error: SimError) -> NETException:
        """The .NET exception, its type names most derived first (as PowerShell sends them)."""
        exception = NETException(Message=error.message, HResult=_RUNTIME_HRESULT)
        type_names = list(error.exception_types)
        if "System.Object" not in type_names:
            type_names.append("System.Object")
        exception.PSObject.type_names = type_names
        return exception

    def category(self, error: SimError) -> ErrorCategoryInfo:
        """CategoryInfo: the Reason is the exception's short type name unless the engine gave one."""
        try:
            category = ErrorCategory[error.category]
        except KeyError:
            category = ErrorCategory.NotSpecified
        reason = error.reason or error.exception_types[0].rsplit(".", 1)[-1]
        target_type = _dotnet_type_name(error.target_object)
        return _WindowsCategoryInfo(
            Category=category,
            Activity=error.command_name,
            Reason=reason,
            # PowerShell shows a string target as the TargetName when none was given.
            TargetName=error.target_name or (error.target_object if isinstance(error.target_object, str) else ""),
            TargetType=target_type,
        )

    def invocation_info(self, error: SimError, position: int = 0) -> InvocationInfo | None:
        """InvocationInfo naming the cmdlet, as a remote host includes by default."""
        if not error.command_name:
            return None
        return InvocationInfo(
            BoundParameters={},
            CommandOrigin=CommandOrigin.Runspace,
            DisplayScriptPosition=None,
            ExpectingInput=position > 0,
            HistoryId=1,
            InvocationName=error.command_name,
            Line="",
            MyCommand=_CommandInfo(
                CommandType=CommandTypes.Cmdlet,
                Name=error.command_name,
                Definition="",
                Visibility=SessionStateEntryVisibility.Public,
            ),
            OffsetInLine=0,
            PipelineLength=self._pipeline_length,
            PipelinePosition=position + 1,
            PositionMessage="",
            PSCommandPath="",
            PSScriptRoot="",
            ScriptLineNumber=0,
            ScriptName="",
            UnboundArguments=[],
        )

    def record(self, error: SimError, position: int = 0) -> ErrorRecord:
        """A whole ErrorRecord, for a terminating error (PipelineState Failed)."""
        invocation = self.invocation_info(error, position)
        record = ErrorRecord(
            Exception=self.exception(error),
            CategoryInfo=self.category(error),
            TargetObject=error.target_object,
            FullyQualifiedErrorId=error.fully_qualified_error_id,
            InvocationInfo=invocation,
            PipelineIterationInfo=[0] * self._pipeline_length if invocation else None,
        )
        record.serialize_extended_info = invocation is not None
        return record


def _dotnet_type_name(value: object) -> str:
    """The .NET type name PowerShell puts in CategoryInfo.TargetType."""
    if value is None:
        return ""
    if isinstance(value, PSObject):
        names = value.PSObject.type_names
        return names[0] if names else "System.Management.Automation.PSCustomObject"
    simple = {str: "String", bool: "Boolean", int: "Int32", float: "Double"}
    return simple.get(type(value), type(value).__name__)
