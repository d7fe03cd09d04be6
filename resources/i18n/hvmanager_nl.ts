<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en_US">
<context>
    <name>ActionRegistry</name>
    <message>
        <location filename="../../hvmanager/ui/actions/action_registry.py" line="+37"/>
        <source>Connect to Server...</source>
        <translation>Verbinding maken met server...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove Server</source>
        <translation>Server verwijderen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hyper-V Service...</source>
        <translation>Hyper-V-service...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host Readiness...</source>
        <translation>Gereedheid van host...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import Servers...</source>
        <translation>Servers importeren...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shut Down...</source>
        <translation>Afsluiten...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn Off...</source>
        <translation>Uitschakelen...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Onderbreken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Hervatten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset...</source>
        <translation>Opnieuw instellen...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoint</source>
        <translation>Controlepunt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete Saved State...</source>
        <translation>Opgeslagen status verwijderen...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename...</source>
        <translation>Naam wijzigen...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integration Services...</source>
        <translation>Integratieservices...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns...</source>
        <translation>Kolommen...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to CSV...</source>
        <translation>Exporteren naar CSV...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter Virtual Machines</source>
        <translation>Virtuele machines filteren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About hvmanager</source>
        <translation>Over hvmanager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nederlands</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start the selected virtual machines (Start-VM)</source>
        <translation>De geselecteerde virtuele machines starten (Start-VM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the guests to shut down (Stop-VM)</source>
        <translation>De gastbesturingssystemen vragen af te sluiten (Stop-VM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Power off the selected virtual machines (Stop-VM -TurnOff)</source>
        <translation>De geselecteerde virtuele machines uitschakelen (Stop-VM -TurnOff)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the state of the selected virtual machines (Save-VM)</source>
        <translation>De status van de geselecteerde virtuele machines opslaan (Save-VM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause the selected virtual machines (Suspend-VM)</source>
        <translation>De geselecteerde virtuele machines onderbreken (Suspend-VM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume the selected virtual machines (Resume-VM)</source>
        <translation>De geselecteerde virtuele machines hervatten (Resume-VM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hard reset of the selected virtual machines (Restart-VM)</source>
        <translation>De geselecteerde virtuele machines hard opnieuw instellen (Restart-VM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a checkpoint (Checkpoint-VM)</source>
        <translation>Een controlepunt maken (Checkpoint-VM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the saved state (Remove-VMSavedState)</source>
        <translation>De opgeslagen status verwijderen (Remove-VMSavedState)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh the selected server, or every server (F5)</source>
        <translation>De geselecteerde server vernieuwen, of alle servers (F5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start or stop the Hyper-V Virtual Machine Management service</source>
        <translation>De Hyper-V-service voor het beheer van virtuele machines starten of stoppen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check whether the host can run Hyper-V</source>
        <translation>Controleren of de host Hyper-V kan uitvoeren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import the server list of Windows&apos; Hyper-V Manager</source>
        <translation>De serverlijst van Hyper-V-beheer in Windows importeren</translation>
    </message>
</context>
<context>
    <name>ActionResultsDialog</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/action_results_dialog.py" line="+57"/>
        <location line="+1"/>
        <source>Action Results</source>
        <translation>Resultaten van acties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results per virtual machine</source>
        <translation>Resultaten per virtuele machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual Machine</source>
        <translation>Virtuele machine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Succeeded</source>
        <translation>Geslaagd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n of %1 action(s) failed.</source>
        <translation>
            <numerusform>%n van %1 acties is mislukt.</numerusform>
            <numerusform>%n van %1 acties zijn mislukt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>All %n action(s) succeeded.</source>
        <translation>
            <numerusform>%n actie is geslaagd.</numerusform>
            <numerusform>Alle %n acties zijn geslaagd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActionsPane</name>
    <message>
        <location filename="../../hvmanager/ui/panes/actions_pane.py" line="+80"/>
        <source>Actions</source>
        <translation>Acties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hyper-V Manager</source>
        <translation>Hyper-V-beheer</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n virtual machine(s)</source>
        <translation>
            <numerusform>%n virtuele machine</numerusform>
            <numerusform>%n virtuele machines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AppRunner</name>
    <message>
        <location filename="../../hvmanager/app/app_runner.py" line="+33"/>
        <source>--server {address}: {reason}</source>
        <translation>--server {address}: {reason}</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>Hyper-V Manager</source>
        <translation>Hyper-V-beheer</translation>
    </message>
</context>
<context>
    <name>BulkActionRunner</name>
    <message numerus="yes">
        <location filename="../../hvmanager/ui/actions/bulk_action_runner.py" line="+85"/>
        <source>%1: %n virtual machine(s)</source>
        <translation>
            <numerusform>%1: %n virtuele machine</numerusform>
            <numerusform>%1: %n virtuele machines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%1 succeeded on %n virtual machine(s)</source>
        <translation>
            <numerusform>%1 is geslaagd op %n virtuele machine</numerusform>
            <numerusform>%1 is geslaagd op %n virtuele machines</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server was removed.</source>
        <translation>De server is verwijderd.</translation>
    </message>
</context>
<context>
    <name>CertificateOptionsBox</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/certificate_options_box.py" line="+25"/>
        <source>Certificate (HTTPS)</source>
        <translation>Certificaat (HTTPS)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate validation</source>
        <translation>Certificaatvalidatie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validate with the system&apos;s trusted certificates</source>
        <translation>Valideren met de vertrouwde certificaten van het systeem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validate with a CA file:</source>
        <translation>Valideren met een CA-bestand:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not validate the certificate</source>
        <translation>Het certificaat niet valideren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CA file</source>
        <translation>CA-bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path of a PEM file with the CA certificate</source>
        <translation>Pad van een PEM-bestand met het CA-certificaat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse...</source>
        <translation>Bladeren...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse for a CA file</source>
        <translation>Bladeren naar een CA-bestand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning: without validation anyone on the network between you and the host can pretend to be it and read your password. Use this only for a test lab.</source>
        <translation>Waarschuwing: zonder validatie kan iedereen op het netwerk tussen u en de host zich voordoen als de host en uw wachtwoord lezen. Gebruik dit alleen in een testlab.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate warning</source>
        <translation>Certificaatwaarschuwing</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose the CA certificate</source>
        <translation>CA-certificaat kiezen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Certificaten (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose the CA file, or another way to check the certificate.</source>
        <translation>Kies het CA-bestand, of een andere manier om het certificaat te controleren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The CA file &apos;%1&apos; does not exist.</source>
        <translation>Het CA-bestand &apos;%1&apos; bestaat niet.</translation>
    </message>
</context>
<context>
    <name>CheckpointCommands</name>
    <message>
        <location filename="../../hvmanager/ui/actions/checkpoint_commands.py" line="+57"/>
        <source>Revert the virtual machine to the checkpoint &quot;{name}&quot;? Its current state is lost unless you take a checkpoint first.</source>
        <translation>De virtuele machine terugzetten naar het controlepunt &quot;{name}&quot;? De huidige status gaat verloren, tenzij u eerst een controlepunt maakt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply</source>
        <translation>Toepassen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete the checkpoint &quot;{name}&quot;? Its changes are merged into its children; the virtual machine&apos;s current state is kept.</source>
        <translation>Het controlepunt &quot;{name}&quot; verwijderen? De wijzigingen ervan worden samengevoegd met de onderliggende controlepunten; de huidige status van de virtuele machine blijft behouden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete Checkpoint</source>
        <translation>Controlepunt verwijderen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Apply...</source>
        <translation>Toepassen...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete Checkpoint...</source>
        <translation>Controlepunt verwijderen...</translation>
    </message>
</context>
<context>
    <name>CheckpointType</name>
    <message>
        <location filename="../../hvmanager/models/enum_text.py" line="+70"/>
        <source>Disabled</source>
        <translation>Uitgeschakeld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production</source>
        <translation>Productie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production Only</source>
        <translation>Alleen productie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard</source>
        <translation>Standaard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
</context>
<context>
    <name>Checkpoints</name>
    <message>
        <location filename="../../hvmanager/models/checkpoint_tree_model.py" line="+15"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Created</source>
        <translation>Gemaakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The running state of the virtual machine</source>
        <translation>De huidige status van de virtuele machine</translation>
    </message>
</context>
<context>
    <name>CheckpointsPane</name>
    <message>
        <location filename="../../hvmanager/ui/panes/checkpoints_pane.py" line="+67"/>
        <source>Select one virtual machine to see its checkpoints.</source>
        <translation>Selecteer één virtuele machine om de controlepunten ervan te zien.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Loading...</source>
        <translation>Laden...</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The selected virtual machine has no checkpoints.</source>
        <translation>De geselecteerde virtuele machine heeft geen controlepunten.</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+1"/>
        <source>Checkpoints</source>
        <translation>Controlepunten</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../hvmanager/models/column_registry.py" line="+106"/>
        <source>Name</source>
        <extracomment>States with a live partition: CPU, assigned memory and uptime mean something.</extracomment>
        <translation>Naam</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU Usage</source>
        <translation>CPU-gebruik</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assigned Memory</source>
        <translation>Toegewezen geheugen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Uptime</source>
        <translation>Actieve tijd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Bewerkingsstatus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Configuration Version</source>
        <translation>Configuratieversie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generation</source>
        <translation>Generatie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processors</source>
        <translation>Processors</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Memory Demand</source>
        <translation>Geheugenvraag</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Memory Status</source>
        <translation>Geheugenstatus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Startup Memory</source>
        <translation>Opstartgeheugen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Minimum Memory</source>
        <translation>Minimaal geheugen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Maximum Memory</source>
        <translation>Maximaal geheugen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dynamic Memory</source>
        <translation>Dynamisch geheugen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Heartbeat</source>
        <translation>Heartbeat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Path</source>
        <translation>Pad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Configuration Location</source>
        <translation>Configuratielocatie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>Gemaakt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Integration Services Version</source>
        <translation>Versie van integratieservices</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkpoint</source>
        <translation>Controlepunt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkpoint Type</source>
        <translation>Type controlepunt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replication State</source>
        <translation>Replicatiestatus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replication Health</source>
        <translation>Replicatie-integriteit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clustered</source>
        <translation>Geclusterd</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VM ID</source>
        <translation>VM-id</translation>
    </message>
    <message>
        <location filename="../../hvmanager/models/enum_text.py" line="+3"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Nee</translation>
    </message>
</context>
<context>
    <name>ColumnsDialog</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/columns_dialog.py" line="+32"/>
        <location line="+1"/>
        <source>Columns</source>
        <translation>Kolommen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Columns, in display order</source>
        <translation>Kolommen, in weergavevolgorde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move &amp;Up</source>
        <translation>Om&amp;hoog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;Down</source>
        <translation>Om&amp;laag</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reset to Defaults</source>
        <translation>&amp;Standaardwaarden herstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset to defaults</source>
        <translation>Standaardwaarden herstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Check the columns to show; their order here is their order in the table.</source>
        <translation>Vink de kolommen aan die u wilt zien; de volgorde hier is de volgorde in de tabel.</translation>
    </message>
</context>
<context>
    <name>CommandLog</name>
    <message>
        <location filename="../../hvmanager/models/command_log_model.py" line="+21"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command</source>
        <translation>Opdracht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Duur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
</context>
<context>
    <name>ConfirmActionDialog</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/confirm_action_dialog.py" line="+28"/>
        <source>Confirm %1</source>
        <translation>%1 bevestigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n virtual machine(s):</source>
        <translation>
            <numerusform>%n virtuele machine:</numerusform>
            <numerusform>%n virtuele machines:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of virtual machines</source>
        <translation>Aantal virtuele machines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Selected virtual machines</source>
        <translation>Geselecteerde virtuele machines</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Consequence</source>
        <translation>Gevolg</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>ConnectServerDialog</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/connect_server_dialog.py" line="+45"/>
        <location line="+1"/>
        <source>Connect to Server</source>
        <translation>Verbinding maken met server</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No password store was given.</source>
        <translation>Er is geen wachtwoordopslag opgegeven.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Local computer</source>
        <translation>&amp;Lokale computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local computer</source>
        <translation>Lokale computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Another computer:</source>
        <translation>&amp;Een andere computer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another computer</source>
        <translation>Een andere computer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The local computer can only be managed when hvmanager runs on Windows.</source>
        <translation>De lokale computer kan alleen worden beheerd als hvmanager op Windows wordt uitgevoerd.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computer name</source>
        <translation>Computernaam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, FQDN or IP address</source>
        <translation>Naam, FQDN of IP-adres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address problem</source>
        <translation>Probleem met het adres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP (WinRM, encrypted by the authentication)</source>
        <translation>HTTP (WinRM, versleuteld door de verificatie)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTPS (WinRM over TLS)</source>
        <translation>HTTPS (WinRM via TLS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Poort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authentication</source>
        <translation>Verificatie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negotiate (Kerberos or NTLM)</source>
        <translation>Negotiate (Kerberos of NTLM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NTLM</source>
        <translation>NTLM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kerberos</source>
        <translation>Kerberos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic (HTTPS only)</source>
        <translation>Basic (alleen HTTPS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CredSSP</source>
        <translation>CredSSP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authentication note</source>
        <translation>Opmerking over de verificatie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certificate problem</source>
        <translation>Probleem met het certificaat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dialog buttons</source>
        <translation>Knoppen van het dialoogvenster</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;oort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aut&amp;hentication:</source>
        <translation>&amp;Verificatie:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select the computer to connect to:</source>
        <translation>Selecteer de computer waarmee u verbinding wilt maken:</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Basic sends the password in clear: it is only offered over HTTPS.</source>
        <translation>Basic verzendt het wachtwoord onversleuteld: het is alleen beschikbaar via HTTPS.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CredSSP hands your password to the host, so it can reach other servers on your behalf. Use it only with hosts you trust.</source>
        <translation>CredSSP geeft uw wachtwoord aan de host, zodat die namens u andere servers kan bereiken. Gebruik het alleen met hosts die u vertrouwt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Basic authentication is only available over HTTPS: it sends the password in clear.</source>
        <translation>Basic-verificatie is alleen beschikbaar via HTTPS: het wachtwoord wordt onversleuteld verzonden.</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../hvmanager/core/host_commands.py" line="+28"/>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} object</source>
        <translation>{count} object</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} objects</source>
        <translation>{count} objecten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} line</source>
        <translation>{count} regel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} lines</source>
        <translation>{count} regels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{summary}, {count} error: {first}</source>
        <translation>{summary}, {count} fout: {first}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{summary}, {count} errors: {first}</source>
        <translation>{summary}, {count} fouten: {first}</translation>
    </message>
    <message>
        <location filename="../../hvmanager/core/host_queries.py" line="+39"/>
        <source>This VM has no integration service with that id.</source>
        <translation>Deze virtuele machine heeft geen integratieservice met die id.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host did not apply the change.</source>
        <translation>De host heeft de wijziging niet toegepast.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{host} did not report the service {name}.</source>
        <translation>{host} heeft de service {name} niet gemeld.</translation>
    </message>
    <message>
        <location filename="../../hvmanager/core/vm_action_runner.py" line="+21"/>
        <source>Cancelled: the session was closed.</source>
        <translation>Geannuleerd: de sessie is gesloten.</translation>
    </message>
    <message>
        <location filename="../../hvmanager/core/host_session.py" line="+228"/>
        <source>Refreshing {host} failed unexpectedly ({error}).</source>
        <extracomment>Errors a retry cannot fix by itself (and retried credentials can lock an account out): after these the session waits for ``refresh_soon()`` instead of retrying on a timer. The host answered, but says there are no VMs to show: the list is emptied (as Hyper-V Manager shows an error and an empty list). After transport errors the last list stays. A periodic refresh reports REFRESHING only once it has run this long: most take a fraction of it, and two status changes per host per tick made hundreds of hosts cost the window a tree repaint each (and Hyper-V Manager&apos;s users see no flicker either).</extracomment>
        <translation>Het vernieuwen van {host} is onverwacht mislukt ({error}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See the application log.</source>
        <translation>Zie het toepassingslogboek.</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../../hvmanager/ui/panes/details_pane.py" line="+113"/>
        <source>No virtual machine selected.</source>
        <translation>Geen virtuele machine geselecteerd.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n virtual machine(s) selected.</source>
        <translation>
            <numerusform>%n virtuele machine geselecteerd.</numerusform>
            <numerusform>%n virtuele machines geselecteerd.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Loading...</source>
        <translation>Laden...</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Memory</source>
        <translation>Geheugen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Networking</source>
        <translation>Netwerken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disks</source>
        <translation>Schijven</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Path</source>
        <translation>Pad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Controller type</source>
        <translation>Type controller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Controller number</source>
        <translation>Controllernummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Controller location</source>
        <translation>Controllerlocatie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adapter</source>
        <translation>Adapter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Switch</source>
        <translation>Switch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected</source>
        <translation>Verbonden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MAC address</source>
        <translation>MAC-adres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP addresses</source>
        <translation>IP-adressen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Disk %1</source>
        <translation>Schijf %1</translation>
    </message>
</context>
<context>
    <name>DialogTasks</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/dialog_tasks.py" line="+18"/>
        <source>Something unexpected went wrong (%1). It was reported in the error window; try again or close this dialog.</source>
        <translation>Er is iets onverwachts misgegaan (%1). Dit is gemeld in het foutvenster; probeer het opnieuw of sluit dit dialoogvenster.</translation>
    </message>
</context>
<context>
    <name>ErrorReportDialog</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/error_report_dialog.py" line="+56"/>
        <location line="+1"/>
        <source>Unexpected Error</source>
        <translation>Onverwachte fout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error summary</source>
        <translation>Samenvatting van de fout</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+50"/>
        <source>Show &amp;Details</source>
        <translation>&amp;Details weergeven</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Show details</source>
        <translation>Details weergeven</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error details</source>
        <translation>Details van de fout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy to Clipboard</source>
        <translation>&amp;Kopiëren naar Klembord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy to clipboard</source>
        <translation>Kopiëren naar Klembord</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Something went wrong that hvmanager did not expect:
%1

Your servers and virtual machines were not changed by this error. The details help to report it.</source>
        <translation>Er is iets misgegaan dat hvmanager niet verwachtte:
%1

Deze fout heeft uw servers en virtuele machines niet gewijzigd. Met de details kunt u de fout melden.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n unexpected error(s) occurred. The last one:
%1</source>
        <translation>
            <numerusform>Er is %n onverwachte fout opgetreden:
%1</numerusform>
            <numerusform>Er zijn %n onverwachte fouten opgetreden. De laatste:
%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+51"/>
        <source>Hide &amp;Details</source>
        <translation>&amp;Details verbergen</translation>
    </message>
</context>
<context>
    <name>HeaderColumnsMenu</name>
    <message>
        <location filename="../../hvmanager/ui/panes/header_columns_menu.py" line="+53"/>
        <source>More columns...</source>
        <translation>Meer kolommen...</translation>
    </message>
</context>
<context>
    <name>Heartbeat</name>
    <message>
        <location filename="../../hvmanager/models/enum_text.py" line="-24"/>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disabled</source>
        <translation>Uitgeschakeld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No Contact</source>
        <translation>Geen contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost Communication</source>
        <translation>Communicatie verbroken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OK (No Application Data)</source>
        <translation>OK (geen toepassingsgegevens)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OK (Applications Healthy)</source>
        <translation>OK (toepassingen in orde)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OK (Applications Critical)</source>
        <translation>OK (toepassingen kritiek)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>Onderbroken</translation>
    </message>
</context>
<context>
    <name>HostAddressCheck</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/host_address_check.py" line="+39"/>
        <source>&apos;%1&apos; is not a valid IPv4 address (four numbers from 0 to 255, separated by dots).</source>
        <translation>&apos;%1&apos; is geen geldig IPv4-adres (vier getallen van 0 tot en met 255, gescheiden door punten).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The name is longer than 253 characters.</source>
        <translation>De naam is langer dan 253 tekens.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A name cannot start or end with a dot, or contain two dots in a row.</source>
        <translation>Een naam kan niet beginnen of eindigen met een punt en geen twee punten achter elkaar bevatten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each part of a name between dots can have at most 63 characters.</source>
        <translation>Elk deel van een naam tussen punten kan maximaal 63 tekens hebben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A part of a name cannot start or end with a hyphen.</source>
        <translation>Een deel van een naam kan niet beginnen of eindigen met een afbreekstreepje.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Enter the computer&apos;s name, FQDN or IP address.</source>
        <translation>Voer de naam, FQDN of het IP-adres van de computer in.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter only the computer&apos;s name or address; choose HTTP or HTTPS below.</source>
        <translation>Voer alleen de naam of het adres van de computer in; kies HTTP of HTTPS hieronder.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the user name under &apos;Connect as another user&apos;, not in the address.</source>
        <translation>Voer de gebruikersnaam in onder &apos;Verbinding maken als een andere gebruiker&apos;, niet in het adres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A computer name cannot contain spaces.</source>
        <translation>Een computernaam kan geen spaties bevatten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the port in the Port field, not after the name.</source>
        <translation>Voer de poort in het veld Poort in, niet achter de naam.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 cannot be part of a computer name. Use letters, digits, hyphens and dots.</source>
        <translation>%1 kan geen deel uitmaken van een computernaam. Gebruik letters, cijfers, afbreekstreepjes en punten.</translation>
    </message>
</context>
<context>
    <name>HostReadinessDialog</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/host_readiness_dialog.py" line="+40"/>
        <source>Host Readiness - %1</source>
        <translation>Gereedheid van host - %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host Readiness</source>
        <translation>Gereedheid van host</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Readiness checks</source>
        <translation>Controles van de gereedheid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explanation</source>
        <translation>Uitleg</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PowerShell</source>
        <translation>PowerShell</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Re&amp;fresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
</context>
<context>
    <name>HyperVServiceDialog</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/hyper_v_service_dialog.py" line="+43"/>
        <source>Hyper-V Service - %1</source>
        <translation>Hyper-V-service - %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+127"/>
        <source>Hyper-V Service</source>
        <translation>Hyper-V-service</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Hyper-V services</source>
        <translation>Hyper-V-services</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Display Name</source>
        <translation>Weergavenaam</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Startup Type</source>
        <translation>Opstarttype</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What the service does</source>
        <translation>Wat de service doet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restart</source>
        <translation>&amp;Opnieuw starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Stop the service %1 (%2) on %3?</source>
        <translation>De service %1 (%2) op %3 stoppen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart the service %1 (%2) on %3?</source>
        <translation>De service %1 (%2) op %3 opnieuw starten?</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Starting %1…</source>
        <translation>%1 wordt gestart…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopping %1…</source>
        <translation>%1 wordt gestopt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restarting %1…</source>
        <translation>%1 wordt opnieuw gestart…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is now %2.</source>
        <translation>%1 is nu %2.</translation>
    </message>
</context>
<context>
    <name>ImportServersDialog</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/import_servers_dialog.py" line="+36"/>
        <location line="+1"/>
        <source>Import Servers from Hyper-V Manager</source>
        <translation>Servers importeren uit Hyper-V-beheer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import status</source>
        <translation>Status van het importeren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Servers found</source>
        <translation>Gevonden servers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP (port 5985)</source>
        <translation>HTTP (poort 5985)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTPS (port 5986)</source>
        <translation>HTTPS (poort 5986)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose &amp;File...</source>
        <translation>&amp;Bestand kiezen...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose file</source>
        <translation>Bestand kiezen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect &amp;with:</source>
        <translation>Verbinding maken &amp;met:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Hyper-V Manager keeps its server list on Windows. Choose a copy of virtmgmt.VMBrowser.config with Choose File.</source>
        <translation>Hyper-V-beheer bewaart de serverlijst op Windows. Kies een kopie van virtmgmt.VMBrowser.config met Bestand kiezen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hyper-V Manager has no saved servers on this computer (%1 does not exist).</source>
        <translation>Hyper-V-beheer heeft geen opgeslagen servers op deze computer (%1 bestaat niet).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 could not be read: %2</source>
        <translation>%1 kan niet worden gelezen: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n server(s) found in %1.</source>
        <translation>
            <numerusform>%n server gevonden in %1.</numerusform>
            <numerusform>%n servers gevonden in %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hyper-V Manager has no saved servers in %1.</source>
        <translation>Hyper-V-beheer heeft geen opgeslagen servers in %1.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (not a valid address)</source>
        <translation>%1 (geen geldig adres)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hyper-V Manager accepted this name, but it is not a computer name or address hvmanager can connect to.</source>
        <translation>Hyper-V-beheer accepteerde deze naam, maar het is geen computernaam of adres waarmee hvmanager verbinding kan maken.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (already added)</source>
        <translation>%1 (al toegevoegd)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Hyper-V Manager settings file</source>
        <translation>Instellingenbestand van Hyper-V-beheer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hyper-V Manager settings (*.config)</source>
        <translation>Instellingen van Hyper-V-beheer (*.config)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
</context>
<context>
    <name>IntegrationServiceTexts</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/integration_service_texts.py" line="+21"/>
        <source>Operating system shutdown</source>
        <translation>Afsluiten van besturingssysteem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time synchronization</source>
        <translation>Tijdsynchronisatie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data Exchange</source>
        <translation>Gegevensuitwisseling</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heartbeat</source>
        <translation>Heartbeat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup (volume shadow copy)</source>
        <translation>Back-up (volumeschaduwkopie)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guest services</source>
        <translation>Gastservices</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lets the host ask the guest to shut down cleanly (Shut Down, Stop-VM without -TurnOff).</source>
        <translation>Hiermee kan de host het gastbesturingssysteem vragen netjes af te sluiten (Afsluiten, Stop-VM zonder -TurnOff).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keeps the guest&apos;s clock in step with the host&apos;s.</source>
        <translation>Houdt de klok van de gast gelijk met die van de host.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exchanges small facts with the guest, such as its IP addresses and computer name (Key-Value Pair Exchange).</source>
        <translation>Wisselt kleine gegevens uit met de gast, zoals de IP-adressen en de computernaam (Key-Value Pair Exchange).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The guest reports regularly that it is alive; shown as the Heartbeat of the VM.</source>
        <translation>De gast meldt regelmatig dat hij actief is; dit wordt weergegeven als Heartbeat van de VM.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lets the host back up a running VM consistently through the guest&apos;s Volume Shadow Copy Service.</source>
        <translation>Hiermee kan de host een actieve VM consistent back-uppen via de service Volume Schaduwkopie van de gast.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lets the host copy files into the guest (Copy-VMFile). Off by default.</source>
        <translation>Hiermee kan de host bestanden naar de gast kopiëren (Copy-VMFile). Standaard uitgeschakeld.</translation>
    </message>
</context>
<context>
    <name>IntegrationServicesDialog</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/integration_services_dialog.py" line="+53"/>
        <source>Integration Services</source>
        <translation>Integratieservices</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Integration Services - %1</source>
        <translation>Integratieservices - %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Integration Services - %n virtual machine(s)</source>
        <translation>
            <numerusform>Integratieservices - %n virtuele machine</numerusform>
            <numerusform>Integratieservices - %n virtuele machines</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Virtual machines</source>
        <translation>Virtuele machines</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Integration services</source>
        <translation>Integratieservices</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Name on the host</source>
        <translation>Naam op de host</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Results per virtual machine</source>
        <translation>Resultaten per virtuele machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual Machine</source>
        <translation>Virtuele machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select the services Hyper-V offers to the guest:</source>
        <translation>Selecteer de services die Hyper-V aan de gast aanbiedt:</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+13"/>
        <location line="+4"/>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No integration services could be read.</source>
        <translation>Er konden geen integratieservices worden gelezen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Not running</source>
        <translation>Niet actief</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Differs: %1</source>
        <translation>Verschilt: %1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Applying changes…</source>
        <translation>Wijzigingen toepassen…</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n of %1 change(s) failed.</source>
        <translation>
            <numerusform>%n van %1 wijzigingen is mislukt.</numerusform>
            <numerusform>%n van %1 wijzigingen zijn mislukt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>All %n change(s) applied.</source>
        <translation>
            <numerusform>%n wijziging is toegepast.</numerusform>
            <numerusform>Alle %n wijzigingen zijn toegepast.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Enabled</source>
        <translation>Ingeschakeld</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>Uitgeschakeld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
</context>
<context>
    <name>MainMenuBar</name>
    <message>
        <location filename="../../hvmanager/ui/main_menu_bar.py" line="+68"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Action</source>
        <translation>&amp;Actie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Panes</source>
        <translation>&amp;Deelvensters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toolbar</source>
        <translation>Werkbalk</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hvmanager/ui/main_window.py" line="+356"/>
        <source>Hyper-V Manager (hvmanager)</source>
        <translation>Hyper-V-beheer (hvmanager)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hyper-V Manager</source>
        <translation>Hyper-V-beheer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Servers</source>
        <translation>Servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoints</source>
        <translation>Controlepunten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actions</source>
        <translation>Acties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PowerShell Log</source>
        <translation>PowerShell-logboek</translation>
    </message>
</context>
<context>
    <name>PowerShellErrors</name>
    <message>
        <location filename="../../hvmanager/hyperv/error_classifier.py" line="+73"/>
        <source>The Hyper-V Virtual Machine Management service (vmms) is not running.</source>
        <translation>De Hyper-V-service voor het beheer van virtuele machines (vmms) wordt niet uitgevoerd.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the Hyper-V service on the host (Start-Service vmms).</source>
        <translation>Start de Hyper-V-service op de host (Start-Service vmms).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Hyper-V PowerShell module is not installed on the host.</source>
        <translation>De Hyper-V-module voor PowerShell is niet geïnstalleerd op de host.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enable Hyper-V (Microsoft-Hyper-V-All) including its PowerShell module.</source>
        <translation>Schakel Hyper-V (Microsoft-Hyper-V-All) in, inclusief de PowerShell-module.</translation>
    </message>
    <message>
        <location filename="../../hvmanager/hyperv/powershell_error_kind.py" line="+21"/>
        <source>The virtual machine is not in a state that allows this action.</source>
        <translation>De virtuele machine heeft geen status waarin deze actie mogelijk is.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh and try again once the current operation has finished.</source>
        <translation>Vernieuw en probeer het opnieuw zodra de huidige bewerking is voltooid.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hyper-V could not find that object or rejected a value.</source>
        <translation>Hyper-V kan dat object niet vinden of heeft een waarde geweigerd.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh: the virtual machine may have been deleted or renamed.</source>
        <translation>Vernieuw: de virtuele machine is mogelijk verwijderd of heeft een andere naam gekregen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The host does not have enough free memory to start the virtual machine.</source>
        <translation>De host heeft onvoldoende vrij geheugen om de virtuele machine te starten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop or save other virtual machines, or lower this one&apos;s startup memory.</source>
        <translation>Stop andere virtuele machines of sla ze op, of verlaag het opstartgeheugen van deze virtuele machine.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hyper-V could not complete the operation.</source>
        <translation>Hyper-V kan de bewerking niet voltooien.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the details in the PowerShell log for the host&apos;s reason.</source>
        <translation>Zie de details in het PowerShell-logboek voor de reden van de host.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hyper-V could not find the object.</source>
        <translation>Hyper-V kan het object niet vinden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh: it may have been deleted, or the Hyper-V service stopped.</source>
        <translation>Vernieuw: het object is mogelijk verwijderd, of de Hyper-V-service is gestopt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The host&apos;s Hyper-V module does not know a parameter this app used.</source>
        <translation>De Hyper-V-module van de host kent een parameter niet die deze app heeft gebruikt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The host may run an older Hyper-V version.</source>
        <translation>Op de host wordt mogelijk een oudere versie van Hyper-V uitgevoerd.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The host does not know this command.</source>
        <translation>De host kent deze opdracht niet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install the Hyper-V PowerShell module on the host.</source>
        <translation>Installeer de Hyper-V-module voor PowerShell op de host.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access was denied.</source>
        <translation>Toegang geweigerd.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect as a member of Administrators or Hyper-V Administrators.</source>
        <translation>Maak verbinding als lid van Administrators of Hyper-V-administrators.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The command failed.</source>
        <translation>De opdracht is mislukt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the details in the PowerShell log.</source>
        <translation>Zie de details in het PowerShell-logboek.</translation>
    </message>
</context>
<context>
    <name>PowerShellLogPane</name>
    <message>
        <location filename="../../hvmanager/ui/panes/powershell_log_pane.py" line="+80"/>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PowerShell log</source>
        <translation>PowerShell-logboek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every PowerShell command hvmanager ran, with host, duration and result. Ctrl+C copies the selected lines.</source>
        <translation>Elke PowerShell-opdracht die hvmanager heeft uitgevoerd, met host, duur en resultaat. Ctrl+C kopieert de geselecteerde regels.</translation>
    </message>
</context>
<context>
    <name>ReadinessTexts</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/readiness_texts.py" line="+26"/>
        <location line="+23"/>
        <location line="+50"/>
        <location line="+54"/>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not visible (a hypervisor runs)</source>
        <translation>Niet zichtbaar (er is een hypervisor actief)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enabled</source>
        <translation>Ingeschakeld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disabled</source>
        <translation>Uitgeschakeld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enable pending (restart)</source>
        <translation>Inschakelen in behandeling (opnieuw opstarten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable pending (restart)</source>
        <translation>Uitschakelen in behandeling (opnieuw opstarten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disabled (files removed)</source>
        <translation>Uitgeschakeld (bestanden verwijderd)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hyper-V as a whole. Turn it on in &quot;Turn Windows features on or off&quot;, or with Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V-All, then restart the computer.</source>
        <translation>Hyper-V als geheel. Schakel het in via &quot;Windows-onderdelen in- of uitschakelen&quot;, of met Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V-All, en start daarna de computer opnieuw op.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Hyper-V platform: the hypervisor and the services that run virtual machines.</source>
        <translation>Het Hyper-V-platform: de hypervisor en de services die virtuele machines uitvoeren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hypervisor itself, which Windows starts before itself.</source>
        <translation>De hypervisor zelf, die Windows vóór zichzelf start.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The services that create and manage virtual machines, such as vmms (Hyper-V Virtual Machine Management).</source>
        <translation>De services die virtuele machines maken en beheren, zoals vmms (Hyper-V-beheer van virtuele machines).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The management tools: Hyper-V Manager and the PowerShell module.</source>
        <translation>De beheerprogramma&apos;s: Hyper-V-beheer en de PowerShell-module.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hyper-V Manager (virtmgmt.msc) and Virtual Machine Connection.</source>
        <translation>Hyper-V-beheer (virtmgmt.msc) en Verbinding met virtuele machine.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Hyper-V PowerShell module (Get-VM, Start-VM and the other cmdlets hvmanager runs).</source>
        <translation>De Hyper-V-module voor PowerShell (Get-VM, Start-VM en de andere cmdlets die hvmanager uitvoert).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A part of Hyper-V.</source>
        <translation>Een onderdeel van Hyper-V.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Hyper-V is part of Windows Pro, Enterprise, Education and Server. Windows Home cannot run Hyper-V: upgrade to Pro first.</source>
        <translation>Hyper-V maakt deel uit van Windows Pro, Enterprise, Education en Server. Windows Home kan Hyper-V niet uitvoeren: voer eerst een upgrade naar Pro uit.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is Windows Home, which cannot run Hyper-V. Upgrade to Windows Pro, Education or Enterprise.</source>
        <translation>Dit is Windows Home, dat Hyper-V niet kan uitvoeren. Voer een upgrade uit naar Windows Pro, Education of Enterprise.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows edition</source>
        <translation>Windows-editie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hypervisor running</source>
        <translation>Hypervisor actief</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With Hyper-V on, Windows starts the hypervisor first and then runs on top of it, beside the virtual machines. If it does not run, Hyper-V is off or the computer was not restarted after turning it on.</source>
        <translation>Als Hyper-V is ingeschakeld, start Windows eerst de hypervisor en draait het daar bovenop, naast de virtuele machines. Is die niet actief, dan is Hyper-V uitgeschakeld of is de computer na het inschakelen niet opnieuw opgestart.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Virtualization enabled in firmware (VT-x / AMD-V)</source>
        <translation>Virtualisatie ingeschakeld in firmware (VT-x / AMD-V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The processor&apos;s virtualization must be switched on in the BIOS/UEFI setup (often called &quot;Intel Virtualization Technology&quot; or &quot;SVM Mode&quot;). Once a hypervisor runs, Windows reads this as False: that is normal.</source>
        <translation>De virtualisatie van de processor moet zijn ingeschakeld in de BIOS/UEFI-instellingen (vaak &quot;Intel Virtualization Technology&quot; of &quot;SVM Mode&quot; genoemd). Zodra er een hypervisor actief is, leest Windows dit als False: dat is normaal.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>VM monitor mode extensions</source>
        <translation>Extensies voor VM-monitormodus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The processor has the instructions that run virtual machines (Intel VT-x or AMD-V). Like the line above, it reads False while a hypervisor runs.</source>
        <translation>De processor heeft de instructies die virtuele machines uitvoeren (Intel VT-x of AMD-V). Net als de regel hierboven staat dit op False zolang er een hypervisor actief is.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Second Level Address Translation (SLAT)</source>
        <translation>Second Level Address Translation (SLAT)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The processor translates the virtual machines&apos; memory addresses itself (Intel EPT, AMD RVI). Hyper-V on Windows 10 and 11 requires it.</source>
        <translation>De processor vertaalt zelf de geheugenadressen van de virtuele machines (Intel EPT, AMD RVI). Hyper-V op Windows 10 en 11 vereist dit.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hyper-V features</source>
        <translation>Hyper-V-onderdelen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The optional features could not be read. Get-WindowsOptionalFeature needs administrator rights; on Windows Server use Get-WindowsFeature Hyper-V.</source>
        <translation>De optionele onderdelen konden niet worden gelezen. Get-WindowsOptionalFeature vereist beheerdersrechten; gebruik op Windows Server Get-WindowsFeature Hyper-V.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This computer is ready: it can run Hyper-V virtual machines.</source>
        <translation>Deze computer is gereed: hij kan virtuele Hyper-V-machines uitvoeren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This computer cannot run Hyper-V virtual machines yet. The checks marked No say what is missing.</source>
        <translation>Deze computer kan nog geen virtuele Hyper-V-machines uitvoeren. De controles met Nee geven aan wat er ontbreekt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some checks could not be read, so readiness is not certain. Reading them may need administrator rights.</source>
        <translation>Sommige controles konden niet worden gelezen, dus de gereedheid is niet zeker. Voor het lezen zijn mogelijk beheerdersrechten nodig.</translation>
    </message>
</context>
<context>
    <name>RemotingErrors</name>
    <message>
        <location filename="../../hvmanager/remoting/errors.py" line="+12"/>
        <source>The command failed.</source>
        <translation>De opdracht is mislukt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The command failed on the host.</source>
        <translation>De opdracht is op de host mislukt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The command was stopped.</source>
        <extracomment>The record text a transport uses when a pipeline failed without an error record. The record text a transport uses when the host stopped a pipeline.</extracomment>
        <translation>De opdracht is gestopt.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The command was stopped on the host.</source>
        <translation>De opdracht is op de host gestopt.</translation>
    </message>
    <message>
        <location filename="../../hvmanager/remoting/transport_errors.py" line="+232"/>
        <source>{host} sent a document type declaration, which WS-Management forbids; the answer was refused.</source>
        <translation>{host} heeft een documenttypedeclaratie verzonden, wat WS-Management verbiedt; het antwoord is geweigerd.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>{host} sent more than {size} MiB for one command; the answer was refused.</source>
        <translation>{host} heeft meer dan {size} MiB verzonden voor één opdracht; het antwoord is geweigerd.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{host} sent more than {size:,} bytes for one command; the answer was refused.</source>
        <translation>{host} heeft meer dan {size:,} bytes verzonden voor één opdracht; het antwoord is geweigerd.</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The host may be misbehaving or hostile; check what answers on this address and port.</source>
        <translation>De host gedraagt zich mogelijk verkeerd of is vijandig; controleer wat er op dit adres en deze poort antwoordt.</translation>
    </message>
    <message>
        <location filename="../../hvmanager/remoting/outofproc_channel.py" line="+30"/>
        <source>On Windows, check that Windows PowerShell (powershell.exe) is installed; HVMANAGER_LOCAL_POWERSHELL can name another PowerShell command line.</source>
        <translation>Controleer onder Windows of Windows PowerShell (powershell.exe) is geïnstalleerd; HVMANAGER_LOCAL_POWERSHELL kan een andere PowerShell-opdrachtregel opgeven.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../hvmanager/remoting/outofproc_session.py" line="+39"/>
        <source>the local computer</source>
        <translation>de lokale computer</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>PowerShell could not be started ({program}: {why}).</source>
        <translation>PowerShell kan niet worden gestart ({program}: {why}).</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>The PowerShell process for {host} ended (exit code {code}): {output}</source>
        <translation>Het PowerShell-proces voor {host} is beëindigd (afsluitcode {code}): {output}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PowerShell process for {host} ended (exit code {code}).</source>
        <translation>Het PowerShell-proces voor {host} is beëindigd (afsluitcode {code}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The PowerShell process for {host} ended: {output}</source>
        <translation>Het PowerShell-proces voor {host} is beëindigd: {output}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The PowerShell process for {host} ended.</source>
        <translation>Het PowerShell-proces voor {host} is beëindigd.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The PowerShell process for {host} wrote something that is not a PowerShell Remoting packet ({error}): {shown}</source>
        <translation>Het PowerShell-proces voor {host} schreef iets wat geen PowerShell Remoting-pakket is ({error}): {shown}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check HVMANAGER_LOCAL_POWERSHELL: it must start PowerShell in server mode (-s).</source>
        <translation>Controleer HVMANAGER_LOCAL_POWERSHELL: die moet PowerShell in servermodus (-s) starten.</translation>
    </message>
    <message>
        <location filename="../../hvmanager/remoting/outofproc_session.py" line="-3"/>
        <source>PowerShell for {host} sent something unexpected ({error}).</source>
        <translation>PowerShell voor {host} heeft iets onverwachts verzonden ({error}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PowerShell for {host} did not open a runspace.</source>
        <translation>PowerShell voor {host} heeft geen runspace geopend.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PowerShell for {host} broke the runspace ({why}).</source>
        <translation>PowerShell voor {host} heeft de runspace verbroken ({why}).</translation>
    </message>
    <message>
        <location filename="../../hvmanager/remoting/transport_errors.py" line="-177"/>
        <source>no reason given</source>
        <translation>geen reden opgegeven</translation>
    </message>
    <message>
        <location filename="../../hvmanager/remoting/outofproc_session.py" line="+2"/>
        <source>PowerShell for {host} is not running.</source>
        <translation>PowerShell voor {host} wordt niet uitgevoerd.</translation>
    </message>
    <message>
        <location filename="../../hvmanager/remoting/transport_errors.py" line="+1"/>
        <source>The session to {host} is closed.</source>
        <translation>De sessie met {host} is gesloten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The session to {host} was closed while the command ran.</source>
        <translation>De sessie met {host} is gesloten terwijl de opdracht werd uitgevoerd.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The command on {host} did not finish within {seconds:g} s and was stopped.</source>
        <translation>De opdracht op {host} is niet binnen {seconds:g} s voltooid en is gestopt.</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Connect again.</source>
        <translation>Maak opnieuw verbinding.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Check the name, that the host is on, and that WinRM listens: run Enable-PSRemoting on the host.</source>
        <translation>Controleer de naam, of de host aan staat en of WinRM luistert: voer Enable-PSRemoting uit op de host.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the user name and password. On a workgroup host write the user as HOST\user or .\user; for workgroup hosts over HTTP add the host to TrustedHosts, or use HTTPS.</source>
        <translation>Controleer de gebruikersnaam en het wachtwoord. Schrijf op een host in een werkgroep de gebruiker als HOST\gebruiker of .\gebruiker; voeg voor werkgroephosts via HTTP de host toe aan TrustedHosts, of gebruik HTTPS.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use an account in the host&apos;s Administrators or Hyper-V Administrators group.</source>
        <translation>Gebruik een account in de groep Administrators of Hyper-V-administrators van de host.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the host is on and not overloaded, or raise the timeout.</source>
        <translation>Controleer of de host aan staat en niet overbelast is, of verhoog de time-out.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the CA file again in the server&apos;s connection settings.</source>
        <translation>Kies het CA-bestand opnieuw in de verbindingsinstellingen van de server.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the address and port point at a WinRM listener and not at another service.</source>
        <translation>Controleer of het adres en de poort naar een WinRM-listener verwijzen en niet naar een andere service.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Renew the host&apos;s WinRM HTTPS certificate.</source>
        <translation>Vernieuw het WinRM HTTPS-certificaat van de host.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect with the name the certificate was issued to, or reissue the certificate.</source>
        <translation>Maak verbinding met de naam waarvoor het certificaat is uitgegeven, of geef het certificaat opnieuw uit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import the issuing CA on this computer, choose its CA file, or for a lab host explicitly turn off certificate validation for this server.</source>
        <translation>Importeer de uitgevende CA op deze computer, kies het CA-bestand ervan, of schakel voor een testhost de certificaatvalidatie voor deze server uitdrukkelijk uit.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{host} could not be reached.</source>
        <translation>{host} is niet bereikbaar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{host} refused the connection.</source>
        <translation>{host} heeft de verbinding geweigerd.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{host} dropped the connection ({detail}).</source>
        <translation>{host} heeft de verbinding verbroken ({detail}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{host} dropped the connection.</source>
        <translation>{host} heeft de verbinding verbroken.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The name {host} could not be resolved.</source>
        <translation>De naam {host} kan niet worden omgezet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{host} did not answer within {seconds:g} s.</source>
        <translation>{host} heeft niet binnen {seconds:g} s geantwoord.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{host} did not answer in time.</source>
        <translation>{host} heeft niet op tijd geantwoord.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{host} rejected the credentials.</source>
        <translation>{host} heeft de referenties geweigerd.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{host} denied access.</source>
        <translation>{host} heeft de toegang geweigerd.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The HTTPS certificate of {host} has expired.</source>
        <translation>Het HTTPS-certificaat van {host} is verlopen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The HTTPS certificate of {host} was issued to another name.</source>
        <translation>Het HTTPS-certificaat van {host} is uitgegeven voor een andere naam.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The HTTPS certificate of {host} is not trusted (self-signed or from an unknown CA).</source>
        <translation>Het HTTPS-certificaat van {host} wordt niet vertrouwd (zelfondertekend of van een onbekende CA).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{host} answered HTTP {code} with something that is not WS-Management.</source>
        <translation>{host} antwoordde HTTP {code} met iets wat geen WS-Management is.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{host} refused the request: {reason}</source>
        <translation>{host} heeft de aanvraag geweigerd: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{host} answered with something that is not valid PowerShell Remoting ({detail}).</source>
        <translation>{host} antwoordde met iets wat geen geldige PowerShell Remoting is ({detail}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Talking to {host} failed unexpectedly ({detail}).</source>
        <translation>De communicatie met {host} is onverwacht mislukt ({detail}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{host} did not open a PowerShell runspace.</source>
        <translation>{host} heeft geen PowerShell-runspace geopend.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The CA file for {host} cannot be read: {path} ({why}).</source>
        <translation>Het CA-bestand voor {host} kan niet worden gelezen: {path} ({why}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>WinRM sessions use http or https, not {transport}.</source>
        <translation>WinRM-sessies gebruiken http of https, niet {transport}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the local session for the local computer.</source>
        <translation>Gebruik de lokale sessie voor de lokale computer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Basic authentication over HTTP would send the password readable on the network.</source>
        <translation>Basisverificatie via HTTP zou het wachtwoord leesbaar over het netwerk verzenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use HTTPS for Basic, or Negotiate/NTLM/Kerberos over HTTP (with message encryption).</source>
        <translation>Gebruik HTTPS voor Basic, of Negotiate/NTLM/Kerberos via HTTP (met berichtversleuteling).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Basic authentication needs a user name and a password.</source>
        <translation>Basisverificatie vereist een gebruikersnaam en een wachtwoord.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CredSSP needs the requests-credssp package, which is not installed.</source>
        <translation>CredSSP vereist het pakket requests-credssp, dat niet is geïnstalleerd.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install requests-credssp, or use Negotiate or Kerberos.</source>
        <translation>Installeer requests-credssp, of gebruik Negotiate of Kerberos.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{host} broke the PowerShell runspace ({why}).</source>
        <translation>{host} heeft de PowerShell-runspace verbroken ({why}).</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/rename_dialog.py" line="+25"/>
        <location line="+1"/>
        <source>Rename Virtual Machine</source>
        <translation>Naam van virtuele machine wijzigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New name</source>
        <translation>Nieuwe naam</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name problem</source>
        <translation>Probleem met de naam</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New name:</source>
        <translation>&amp;Nieuwe naam:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter a name.</source>
        <translation>Voer een naam in.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A name can have at most %1 characters.</source>
        <translation>Een naam kan maximaal %1 tekens hebben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The name contains a tab, line break or invisible character.</source>
        <translation>De naam bevat een tab, een regeleinde of een onzichtbaar teken.</translation>
    </message>
</context>
<context>
    <name>ServerConfig</name>
    <message>
        <location filename="../../hvmanager/domain/server_config.py" line="+52"/>
        <source>A server needs an address.</source>
        <translation>Een server heeft een adres nodig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{address}&apos; is not a host name or address.</source>
        <translation>&apos;{address}&apos; is geen hostnaam of adres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{address}&apos; looks like host:port; put the port in the port field.</source>
        <translation>&apos;{address}&apos; lijkt op host:poort; vul de poort in het poortveld in.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Port {port} is out of range.</source>
        <translation>Poort {port} valt buiten het bereik.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Basic authentication sends the password in clear: use HTTPS.</source>
        <translation>Basisverificatie verzendt het wachtwoord onversleuteld: gebruik HTTPS.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Validation with a CA file needs the file&apos;s path.</source>
        <translation>Validatie met een CA-bestand vereist het pad van het bestand.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unknown scheme &apos;{scheme}&apos; (use http or https).</source>
        <translation>Onbekend schema &apos;{scheme}&apos; (gebruik http of https).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Give the user name in its own field, never in the address.</source>
        <translation>Vul de gebruikersnaam in het eigen veld in, nooit in het adres.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;{address}&apos; has an invalid port.</source>
        <translation>&apos;{address}&apos; heeft een ongeldige poort.</translation>
    </message>
</context>
<context>
    <name>ServerTree</name>
    <message>
        <location filename="../../hvmanager/models/host_status_text.py" line="+13"/>
        <source>Disconnected</source>
        <translation>Niet verbonden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting</source>
        <translation>Verbinding maken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected</source>
        <translation>Verbonden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refreshing</source>
        <translation>Wordt vernieuwd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hyper-V Virtual Machine Management service stopped</source>
        <translation>Hyper-V-service voor het beheer van virtuele machines gestopt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last refresh: %1 (%2 s)</source>
        <translation>Laatst vernieuwd: %1 (%2 s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not refreshed yet</source>
        <translation>Nog niet vernieuwd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual machines: %1</source>
        <translation>Virtuele machines: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (certificate not checked)</source>
        <translation>%1 (certificaat niet gecontroleerd)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate validation is turned off for this server: another computer could pretend to be it.</source>
        <translation>Certificaatvalidatie is uitgeschakeld voor deze server: een andere computer kan zich voordoen als deze server.</translation>
    </message>
    <message>
        <location filename="../../hvmanager/models/server_tree_model.py" line="+17"/>
        <source>Hyper-V Manager</source>
        <translation>Hyper-V-beheer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All servers</source>
        <translation>Alle servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual machines of every server</source>
        <translation>Virtuele machines van alle servers</translation>
    </message>
</context>
<context>
    <name>ServerTreePane</name>
    <message>
        <location filename="../../hvmanager/ui/panes/server_tree_pane.py" line="+105"/>
        <source>Servers</source>
        <translation>Servers</translation>
    </message>
</context>
<context>
    <name>ServiceStoppedBanner</name>
    <message>
        <location filename="../../hvmanager/ui/panes/service_stopped_banner.py" line="+58"/>
        <source>Hyper-V Service...</source>
        <translation>Hyper-V-service...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the Hyper-V Service dialog</source>
        <translation>Het dialoogvenster Hyper-V-service openen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Hyper-V Virtual Machine Management service (vmms) is stopped on {hosts}, so its virtual machines cannot be listed or managed. Start the service to see them again.</source>
        <translation>De Hyper-V-service voor het beheer van virtuele machines (vmms) is gestopt op {hosts}, dus de virtuele machines daarvan kunnen niet worden weergegeven of beheerd. Start de service om ze weer te zien.</translation>
    </message>
</context>
<context>
    <name>ServiceTexts</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/service_texts.py" line="+16"/>
        <source>Stopped</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting…</source>
        <translation>Wordt gestart…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopping…</source>
        <translation>Wordt gestopt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Actief</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continuing…</source>
        <translation>Wordt hervat…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pausing…</source>
        <translation>Wordt onderbroken…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>Onderbroken</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Boot</source>
        <translation>Opstarten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>Systeem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual</source>
        <translation>Handmatig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disabled</source>
        <translation>Uitgeschakeld</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Manages the virtual machines. While it is stopped, Hyper-V Manager, hvmanager and the Hyper-V cmdlets cannot see or change any virtual machine; running VMs keep running.</source>
        <translation>Beheert de virtuele machines. Zolang deze service is gestopt, kunnen Hyper-V-beheer, hvmanager en de Hyper-V-cmdlets geen enkele virtuele machine zien of wijzigen; actieve VM&apos;s blijven actief.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Runs the virtual machines&apos; worker processes and containers for vmms.</source>
        <translation>Voert de werkprocessen van de virtuele machines en containers uit voor vmms.</translation>
    </message>
</context>
<context>
    <name>SettingsMessages</name>
    <message>
        <location filename="../../hvmanager/settings/credential_store.py" line="+22"/>
        <source>The keyring is disabled (null backend).</source>
        <translation>De sleutelhanger is uitgeschakeld (null-back-end).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The only keyring available ({backend}) keeps passwords in a file; hvmanager does not store passwords there.</source>
        <translation>De enige beschikbare sleutelhanger ({backend}) bewaart wachtwoorden in een bestand; hvmanager slaat daar geen wachtwoorden op.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No system keyring was found (Windows Credential Manager, macOS Keychain or a Secret Service such as GNOME Keyring or KWallet).</source>
        <translation>Er is geen systeemsleutelhanger gevonden (Windows Referentiebeheer, macOS-sleutelhanger of een Secret Service zoals GNOME Keyring of KWallet).</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The keyring could not be opened: {error}</source>
        <translation>De sleutelhanger kan niet worden geopend: {error}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The keyring refused the password: {error}</source>
        <translation>De sleutelhanger heeft het wachtwoord geweigerd: {error}</translation>
    </message>
    <message>
        <location filename="../../hvmanager/settings/hyperv_manager_import.py" line="+42"/>
        <source>{file} is not valid XML: {error}</source>
        <translation>{file} is geen geldige XML: {error}</translation>
    </message>
    <message>
        <location filename="../../hvmanager/settings/server_codec.py" line="+41"/>
        <source>{key} must be text</source>
        <translation>{key} moet tekst zijn</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>an entry is not an object</source>
        <translation>een vermelding is geen object</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>certificate must be an object</source>
        <translation>certificate moet een object zijn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>port must be a number</source>
        <translation>port moet een getal zijn</translation>
    </message>
    <message>
        <location filename="../../hvmanager/settings/server_store.py" line="+70"/>
        <source>{file} could not be read: {why}</source>
        <extracomment>The schema this version writes. Bump it and add a migration (``schema_migrations``) when the format changes.</extracomment>
        <translation>{file} kan niet worden gelezen: {why}</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>not JSON: {error}</source>
        <translation>geen JSON: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a JSON object</source>
        <translation>geen JSON-object</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no valid schema_version</source>
        <translation>geen geldige schema_version</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no migration from schema {version}</source>
        <translation>geen migratie vanaf schema {version}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no server list</source>
        <translation>geen serverlijst</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>entry {number}: {reason}</source>
        <translation>vermelding {number}: {reason}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{file} is unreadable and could not be moved aside.</source>
        <translation>{file} is onleesbaar en kan niet opzij worden gezet.</translation>
    </message>
    <message>
        <location filename="../../hvmanager/settings/settings_errors.py" line="+34"/>
        <source>The saved server list {file} was unreadable ({reason}). It was kept as {copy}.</source>
        <translation>De opgeslagen serverlijst {file} was onleesbaar ({reason}). Het bestand is bewaard als {copy}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The saved server list {file} was unreadable ({reason}).</source>
        <translation>De opgeslagen serverlijst {file} was onleesbaar ({reason}).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{count} saved server(s) in {file} were invalid and skipped: {entries}. The original was kept as {copy}.</source>
        <translation>{count} opgeslagen server(s) in {file} waren ongeldig en zijn overgeslagen: {entries}. Het origineel is bewaard als {copy}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} saved server(s) in {file} were invalid and skipped: {entries}.</source>
        <translation>{count} opgeslagen server(s) in {file} waren ongeldig en zijn overgeslagen: {entries}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{file} was written by a newer hvmanager (schema {version}, this version understands up to {supported}); it is left untouched.</source>
        <translation>{file} is geschreven door een nieuwere hvmanager (schema {version}, deze versie begrijpt tot en met {supported}); het bestand blijft ongewijzigd.</translation>
    </message>
</context>
<context>
    <name>UserCredentialsBox</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/user_credentials_box.py" line="+22"/>
        <location line="+1"/>
        <source>Connect as another user</source>
        <translation>Verbinding maken als een andere gebruiker</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DOMAIN\user or user@domain</source>
        <translation>DOMEIN\gebruiker of gebruiker@domein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For a host in a workgroup, name the host&apos;s own account: HOST\user or .\user.</source>
        <translation>Geef voor een host in een werkgroep een account van de host zelf op: HOST\gebruiker of .\gebruiker.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name hint</source>
        <translation>Tip voor de gebruikersnaam</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Remember password</source>
        <translation>Wachtwoord onthouden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why the password cannot be remembered</source>
        <translation>Waarom het wachtwoord niet kan worden onthouden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Credentials problem</source>
        <translation>Probleem met de referenties</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Passwords cannot be remembered: %1</source>
        <translation>Wachtwoorden kunnen niet worden onthouden: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;User name:</source>
        <translation>&amp;Gebruikersnaam:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This authentication needs a user name and password: check &apos;Connect as another user&apos;.</source>
        <translation>Voor deze verificatie zijn een gebruikersnaam en wachtwoord nodig: vink &apos;Verbinding maken als een andere gebruiker&apos; aan.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the user name.</source>
        <translation>Voer de gebruikersnaam in.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The user name contains a tab, line break or invisible character.</source>
        <translation>De gebruikersnaam bevat een tab, een regeleinde of een onzichtbaar teken.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A user name cannot contain &apos;|&apos;.</source>
        <translation>Een gebruikersnaam kan geen &apos;|&apos; bevatten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the password to remember.</source>
        <translation>Voer het wachtwoord in dat moet worden onthouden.</translation>
    </message>
</context>
<context>
    <name>VMState</name>
    <message>
        <location filename="../../hvmanager/models/enum_text.py" line="-47"/>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Actief</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation>Uit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopping</source>
        <translation>Wordt gestopt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>Onderbroken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting</source>
        <translation>Wordt gestart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resetting</source>
        <translation>Wordt opnieuw ingesteld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving</source>
        <translation>Wordt opgeslagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pausing</source>
        <translation>Wordt onderbroken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resuming</source>
        <translation>Wordt hervat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fast Saved</source>
        <translation>Snel opgeslagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fast Saving</source>
        <translation>Wordt snel opgeslagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forced Shutdown</source>
        <translation>Geforceerd afgesloten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forced Reboot</source>
        <translation>Geforceerd opnieuw opgestart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hibernated</source>
        <translation>In sluimerstand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Servicing</source>
        <translation>Wordt onderhouden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running-Critical</source>
        <translation>Actief (kritiek)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off-Critical</source>
        <translation>Uit (kritiek)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopping-Critical</source>
        <translation>Wordt gestopt (kritiek)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved-Critical</source>
        <translation>Opgeslagen (kritiek)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused-Critical</source>
        <translation>Onderbroken (kritiek)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting-Critical</source>
        <translation>Wordt gestart (kritiek)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resetting-Critical</source>
        <translation>Wordt opnieuw ingesteld (kritiek)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving-Critical</source>
        <translation>Wordt opgeslagen (kritiek)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pausing-Critical</source>
        <translation>Wordt onderbroken (kritiek)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resuming-Critical</source>
        <translation>Wordt hervat (kritiek)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fast Saved-Critical</source>
        <translation>Snel opgeslagen (kritiek)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fast Saving-Critical</source>
        <translation>Wordt snel opgeslagen (kritiek)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
</context>
<context>
    <name>ValueText</name>
    <message>
        <location filename="../../hvmanager/ui/value_text.py" line="+20"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Nee</translation>
    </message>
</context>
<context>
    <name>ViewCommands</name>
    <message numerus="yes">
        <location filename="../../hvmanager/ui/actions/view_commands.py" line="+43"/>
        <source>Exported %n virtual machine(s) to %1</source>
        <translation>
            <numerusform>%n virtuele machine geëxporteerd naar %1</numerusform>
            <numerusform>%n virtuele machines geëxporteerd naar %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export to CSV</source>
        <translation>Exporteren naar CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export failed: {error}</source>
        <translation>Exporteren is mislukt: {error}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>About hvmanager</source>
        <translation>Over hvmanager</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>hvmanager {version}
A Hyper-V Manager for many servers at once, with the PowerShell behind every click.</source>
        <translation>hvmanager {version}
Een Hyper-V-beheerprogramma voor veel servers tegelijk, met de PowerShell achter elke klik.</translation>
    </message>
</context>
<context>
    <name>VmActionTexts</name>
    <message>
        <location filename="../../hvmanager/ui/dialogs/vm_action_texts.py" line="+19"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shut Down</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn Off</source>
        <translation>Uitschakelen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Onderbreken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Hervatten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Opnieuw instellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoint</source>
        <translation>Controlepunt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete Saved State</source>
        <translation>Opgeslagen status verwijderen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename</source>
        <translation>Naam wijzigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Are you sure you want to shut down the selected virtual machine(s)?</source>
        <translation>Weet u zeker dat u de geselecteerde virtuele machine(s) wilt afsluiten?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Are you sure you want to turn off the selected virtual machine(s)?</source>
        <translation>Weet u zeker dat u de geselecteerde virtuele machine(s) wilt uitschakelen?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Are you sure you want to reset the selected virtual machine(s)?</source>
        <translation>Weet u zeker dat u de geselecteerde virtuele machine(s) opnieuw wilt instellen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Are you sure you want to delete the saved state of the selected virtual machine(s)?</source>
        <translation>Weet u zeker dat u de opgeslagen status van de geselecteerde virtuele machine(s) wilt verwijderen?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Are you sure you want to delete the selected virtual machine(s)?</source>
        <translation>Weet u zeker dat u de geselecteerde virtuele machine(s) wilt verwijderen?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Are you sure you want to run &apos;%1&apos; on the selected virtual machine(s)?</source>
        <translation>Weet u zeker dat u &apos;%1&apos; wilt uitvoeren op de geselecteerde virtuele machine(s)?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The guest operating system is asked to shut down; this needs the Operating system shutdown integration service.</source>
        <translation>Het gastbesturingssysteem wordt gevraagd af te sluiten; hiervoor is de integratieservice Afsluiten van besturingssysteem nodig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Turning off is like pulling the power cord: anything the guest has not saved is lost.</source>
        <translation>Uitschakelen is hetzelfde als de stekker eruit trekken: alles wat de gast niet heeft opgeslagen, gaat verloren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resetting is like pressing the reset button: anything the guest has not saved is lost.</source>
        <translation>Opnieuw instellen is hetzelfde als op de resetknop drukken: alles wat de gast niet heeft opgeslagen, gaat verloren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The saved memory is discarded: the next start is like starting after a power loss.</source>
        <translation>Het opgeslagen geheugen wordt verwijderd: de volgende start is als een start na een stroomstoring.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The virtual machine&apos;s configuration is removed from the host. Its virtual hard disks stay on disk.</source>
        <translation>De configuratie van de virtuele machine wordt van de host verwijderd. De virtuele harde schijven blijven op de schijf staan.</translation>
    </message>
</context>
<context>
    <name>VmTablePane</name>
    <message>
        <location filename="../../hvmanager/ui/panes/vm_table_pane.py" line="+160"/>
        <source>Filter virtual machines (any column)  Ctrl+F</source>
        <translation>Virtuele machines filteren (alle kolommen)  Ctrl+F</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter virtual machines</source>
        <translation>Virtuele machines filteren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual machines</source>
        <translation>Virtuele machines</translation>
    </message>
</context>
<context>
    <name>WorkStatusBar</name>
    <message>
        <location filename="../../hvmanager/ui/panes/work_status_bar.py" line="+100"/>
        <source>Connecting to {names}</source>
        <translation>Verbinding maken met {names}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refreshing {names}</source>
        <translation>Vernieuwen van {names}</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Ready: %1 of %n server(s) connected</source>
        <translation>
            <numerusform>Gereed: %1 van %n server verbonden</numerusform>
            <numerusform>Gereed: %1 van %n servers verbonden</numerusform>
        </translation>
    </message>
</context>
</TS>
