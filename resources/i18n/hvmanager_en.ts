<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>ActionResultsDialog</name>
    <message numerus="yes">
        <location filename="../../hvmanager/ui/dialogs/action_results_dialog.py" line="+102"/>
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
    <name>ActionsPane</name>
    <message numerus="yes">
        <location filename="../../hvmanager/ui/panes/actions_pane.py" line="+89"/>
        <source>%n virtual machine(s)</source>
        <translation>
            <numerusform>%n virtual machine</numerusform>
            <numerusform>%n virtual machines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkActionRunner</name>
    <message numerus="yes">
        <location filename="../../hvmanager/ui/actions/bulk_action_runner.py" line="+85"/>
        <source>%1: %n virtual machine(s)</source>
        <translation>
            <numerusform>%1: %n virtual machine</numerusform>
            <numerusform>%1: %n virtual machines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%1 succeeded on %n virtual machine(s)</source>
        <translation>
            <numerusform>%1 succeeded on %n virtual machine</numerusform>
            <numerusform>%1 succeeded on %n virtual machines</numerusform>
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
    <name>DetailsPane</name>
    <message numerus="yes">
        <location filename="../../hvmanager/ui/panes/details_pane.py" line="+114"/>
        <source>%n virtual machine(s) selected.</source>
        <translation>
            <numerusform>%n virtual machine selected.</numerusform>
            <numerusform>%n virtual machines selected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorReportDialog</name>
    <message numerus="yes">
        <location filename="../../hvmanager/ui/dialogs/error_report_dialog.py" line="+97"/>
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
        <location filename="../../hvmanager/ui/dialogs/import_servers_dialog.py" line="+96"/>
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
        <location filename="../../hvmanager/ui/dialogs/integration_services_dialog.py" line="+67"/>
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
<context>
    <name>ViewCommands</name>
    <message numerus="yes">
        <location filename="../../hvmanager/ui/actions/view_commands.py" line="+43"/>
        <source>Exported %n virtual machine(s) to %1</source>
        <translation>
            <numerusform>Exported %n virtual machine to %1</numerusform>
            <numerusform>Exported %n virtual machines to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkStatusBar</name>
    <message numerus="yes">
        <location filename="../../hvmanager/ui/panes/work_status_bar.py" line="+109"/>
        <source>Ready: %1 of %n server(s) connected</source>
        <translation>
            <numerusform>Ready: %1 of %n server connected</numerusform>
            <numerusform>Ready: %1 of %n servers connected</numerusform>
        </translation>
    </message>
</context>
</TS>
