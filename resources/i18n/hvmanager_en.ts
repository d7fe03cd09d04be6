<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>ActionResultsDialog</name>
    <message numerus="yes">
        <location filename="../../hvmanager/ui/dialogs/action_results_dialog.py" line="+82"/>
        <source>%n of %1 action(s) failed.</source>
        <translation>
            <numerusform>%n of %1 actions failed.</numerusform>
            <numerusform>%n of %1 actions failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>All %n action(s) succeeded.</source>
        <translation>
            <numerusform>%n action succeeded.</numerusform>
            <numerusform>All %n actions succeeded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfirmActionDialog</name>
    <message numerus="yes">
        <location filename="../../hvmanager/ui/dialogs/confirm_action_dialog.py" line="+33"/>
        <source>%n virtual machine(s):</source>
        <translation>
            <numerusform>%n virtual machine:</numerusform>
            <numerusform>%n virtual machines:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorReportDialog</name>
    <message numerus="yes">
        <location filename="../../hvmanager/ui/dialogs/error_report_dialog.py" line="+72"/>
        <source>%n unexpected error(s) occurred. The last one:
%1</source>
        <translation>
            <numerusform>%n unexpected error occurred:
%1</numerusform>
            <numerusform>%n unexpected errors occurred. The last one:
%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportServersDialog</name>
    <message numerus="yes">
        <location filename="../../hvmanager/ui/dialogs/import_servers_dialog.py" line="+95"/>
        <source>%n server(s) found in %1.</source>
        <translation>
            <numerusform>%n server found in %1.</numerusform>
            <numerusform>%n servers found in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntegrationServicesDialog</name>
    <message numerus="yes">
        <location filename="../../hvmanager/ui/dialogs/integration_services_dialog.py" line="+66"/>
        <source>Integration Services - %n virtual machine(s)</source>
        <translation>
            <numerusform>Integration Services - %n virtual machine</numerusform>
            <numerusform>Integration Services - %n virtual machines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+184"/>
        <source>%n of %1 change(s) failed.</source>
        <translation>
            <numerusform>%n of %1 changes failed.</numerusform>
            <numerusform>%n of %1 changes failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>All %n change(s) applied.</source>
        <translation>
            <numerusform>%n change applied.</numerusform>
            <numerusform>All %n changes applied.</numerusform>
        </translation>
    </message>
</context>
</TS>
