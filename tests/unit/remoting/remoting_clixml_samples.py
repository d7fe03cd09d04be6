"""CLIXML shaped like what a Windows Hyper-V host sends (PSRP PIPELINE_OUTPUT / ERROR_RECORD)."""

# Get-VM | Select-Object Name, Id, State, ...: note properties of a PSCustomObject.
SELECTED_VM = """\
<Obj RefId="0"><TN RefId="0"><T>Selected.Microsoft.HyperV.PowerShell.VirtualMachine</T>\
<T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN>\
<ToString>@{Name=web 01; State=Running}</ToString><MS>\
<S N="Name">web 01_x000A_"&lt;quoted&gt;" &amp; ünïcödé</S>\
<G N="Id">5fcb4a14-7f3c-4a11-8a4b-2b3f2e1d0c01</G>\
<Obj N="State" RefId="1"><TN RefId="1"><T>Microsoft.HyperV.PowerShell.VMState</T><T>System.Enum</T>\
<T>System.ValueType</T><T>System.Object</T></TN><ToString>Running</ToString><I32>2</I32></Obj>\
<I32 N="CPUUsage">3</I32>\
<I64 N="MemoryAssigned">2147483648</I64>\
<TS N="Uptime">PT1H7M3.5S</TS>\
<DT N="CreationTime">2024-03-01T10:11:12.1234567+01:00</DT>\
<Version N="IntegrationServicesVersion">10.0.19041.1</Version>\
<Nil N="Heartbeat" />\
<B N="DynamicMemoryEnabled">true</B>\
<Db N="Ratio">0.25</Db>\
<Obj N="Tags" RefId="2"><TN RefId="2"><T>System.Object[]</T><T>System.Array</T><T>System.Object</T></TN>\
<LST><S>a</S><I32>1</I32></LST></Obj>\
<Obj N="Labels" RefId="3"><TN RefId="3"><T>System.Collections.Hashtable</T><T>System.Object</T></TN>\
<DCT><En><S N="Key">owner</S><S N="Value">ops</S></En></DCT></Obj>\
<Obj N="Heartbeat2" RefId="4"><TN RefId="4"><T>Microsoft.HyperV.PowerShell.VMHeartbeatStatus</T>\
<T>System.Enum</T><T>System.ValueType</T><T>System.Object</T></TN><ToString>OkApplicationsHealthy</ToString>\
<I32>6</I32></Obj>\
<Obj N="PreviousState" RefId="5"><TNRef RefId="1" /><ToString>Off</ToString><I32>3</I32></Obj>\
</MS></Obj>"""

# Get-VMIntegrationService on a German host, unselected: adapted properties, Deserialized. prefix
# already on the wire (the object went through a remoting hop before), nested object at depth 1.
INTEGRATION_SERVICE = """\
<Obj RefId="0"><TN RefId="0"><T>Deserialized.Microsoft.HyperV.PowerShell.VMIntegrationComponent</T>\
<T>Deserialized.Microsoft.HyperV.PowerShell.VirtualMachineObject</T><T>Deserialized.System.Object</T></TN>\
<ToString>VMIntegrationComponent (Name = 'Takt')</ToString><Props>\
<S N="Name">Takt</S>\
<S N="Id">Microsoft:5FCB4A14-7F3C-4A11-8A4B-2B3F2E1D0C01\\84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47</S>\
<B N="Enabled">true</B>\
<Nil N="PrimaryStatusDescription" />\
<Obj N="OperationalStatus" RefId="1"><TN RefId="1"><T>Microsoft.HyperV.PowerShell.VMIntegrationComponentOperationalStatus[]</T>\
<T>System.Array</T><T>System.Object</T></TN><LST>\
<Obj RefId="2"><TN RefId="2"><T>Microsoft.HyperV.PowerShell.VMIntegrationComponentOperationalStatus</T>\
<T>System.Enum</T><T>System.ValueType</T><T>System.Object</T></TN><ToString>Ok</ToString><I32>2</I32></Obj>\
</LST></Obj>\
<Obj N="VM" RefId="3"><TN RefId="3"><T>Deserialized.Microsoft.HyperV.PowerShell.VirtualMachine</T>\
<T>Deserialized.System.Object</T></TN><ToString>VirtualMachine (Name = 'web 01')</ToString>\
<Props><S N="Name">web 01</S></Props></Obj>\
</Props></Obj>"""

# ERROR_RECORD message for Get-VM -Name nosuch (a non-terminating error).
GET_VM_NOT_FOUND = """\
<Obj RefId="0"><TN RefId="0"><T>System.Management.Automation.ErrorRecord</T><T>System.Object</T></TN>\
<ToString>Hyper-V was unable to find a virtual machine with name "nosuch".</ToString><MS>\
<Obj N="Exception" RefId="1"><TN RefId="1"><T>Microsoft.HyperV.PowerShell.VirtualizationException</T>\
<T>System.Exception</T><T>System.Object</T></TN>\
<ToString>Microsoft.HyperV.PowerShell.VirtualizationException: Hyper-V was unable to find a virtual machine with name "nosuch".</ToString>\
<Props><S N="Message">Hyper-V was unable to find a virtual machine with name "nosuch".</S>\
<Obj N="Data" RefId="2"><TN RefId="2"><T>System.Collections.ListDictionaryInternal</T><T>System.Object</T></TN><DCT /></Obj>\
<Nil N="InnerException" /><Nil N="HelpLink" /><S N="Source">Microsoft.HyperV.PowerShell.Cmdlets</S>\
<I32 N="HResult">-2146233088</I32></Props></Obj>\
<S N="TargetObject">nosuch</S>\
<S N="FullyQualifiedErrorId">InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM</S>\
<Nil N="InvocationInfo" />\
<I32 N="ErrorCategory_Category">5</I32>\
<S N="ErrorCategory_Activity">Get-VM</S>\
<S N="ErrorCategory_Reason">VirtualizationException</S>\
<S N="ErrorCategory_TargetName">nosuch</S>\
<S N="ErrorCategory_TargetType">String</S>\
<S N="ErrorCategory_Message">InvalidArgument: (nosuch:String) [Get-VM], VirtualizationException</S>\
<B N="SerializeExtendedInfo">false</B>\
<S N="ErrorDetails_ScriptStackTrace">at &lt;ScriptBlock&gt;, &lt;No file&gt;: line 1</S>\
</MS></Obj>"""

# The reason of a Failed pipeline: an unknown command (CommandNotFoundException), with ErrorDetails.
COMMAND_NOT_FOUND = """\
<Obj RefId="0"><TN RefId="0"><T>System.Management.Automation.ErrorRecord</T><T>System.Object</T></TN>\
<ToString>The term 'Get-Nothing' is not recognized as the name of a cmdlet.</ToString><MS>\
<Obj N="Exception" RefId="1"><TN RefId="1"><T>System.Management.Automation.CommandNotFoundException</T>\
<T>System.Management.Automation.RuntimeException</T><T>System.SystemException</T><T>System.Exception</T>\
<T>System.Object</T></TN><ToString>The term 'Get-Nothing' is not recognized.</ToString>\
<Props><S N="Message">The term 'Get-Nothing' is not recognized.</S></Props></Obj>\
<S N="TargetObject">Get-Nothing</S>\
<S N="FullyQualifiedErrorId">CommandNotFoundException</S>\
<Nil N="InvocationInfo" />\
<I32 N="ErrorCategory_Category">13</I32>\
<S N="ErrorCategory_Activity"></S>\
<S N="ErrorCategory_Reason">CommandNotFoundException</S>\
<S N="ErrorCategory_TargetName">Get-Nothing</S>\
<S N="ErrorCategory_TargetType">String</S>\
<S N="ErrorCategory_Message">ObjectNotFound: (Get-Nothing:String) [], CommandNotFoundException</S>\
<S N="ErrorDetails_Message">The term 'Get-Nothing' is not recognized as the name of a cmdlet.</S>\
<B N="SerializeExtendedInfo">false</B>\
</MS></Obj>"""

# Unselected Get-VM: collections typed with a Hyper-V element type (items beyond the
# serialisation depth arrive as their ToString).
VM_WITH_TYPED_LISTS = """\
<Obj RefId="0"><TN RefId="0"><T>Microsoft.HyperV.PowerShell.VirtualMachine</T>\
<T>Microsoft.HyperV.PowerShell.VirtualMachineBase</T><T>System.Object</T></TN>\
<ToString>VirtualMachine (Name = 'web 01')</ToString><Props>\
<S N="Name">web 01</S>\
<Obj N="NetworkAdapters" RefId="1"><TN RefId="1"><T>System.Collections.Generic.List`1[[Microsoft.HyperV.PowerShell.VMNetworkAdapter, \
Microsoft.HyperV.PowerShell.Objects, Version=10.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]</T>\
<T>System.Object</T></TN><LST><S>VMNetworkAdapter (Name = 'Network Adapter', VMName = 'web 01')</S></LST></Obj>\
<Obj N="Groups" RefId="2"><TN RefId="2"><T>System.Collections.ObjectModel.ReadOnlyCollection`1[[Microsoft.HyperV.PowerShell.VMGroup, \
Microsoft.HyperV.PowerShell.Objects, Version=10.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]</T>\
<T>System.Object</T></TN><LST /></Obj>\
<TS N="Uptime">PT5M</TS>\
</Props></Obj>"""
