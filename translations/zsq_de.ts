<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>main</name>
    <message>
        <source>no translation for language &apos;%1&apos;, using English</source>
        <translation>keine Übersetzung für die Sprache „%1“, es wird Englisch verwendet</translation>
    </message>
    <message>
        <source>ZSQ Studio: zero-shot quantization of convolutional neural networks.</source>
        <translation>ZSQ Studio: Zero-Shot-Quantisierung von Faltungsnetzen.</translation>
    </message>
    <message>
        <source>User interface language, e.g. de or zh_CN (default: $ZSQ_LANG, else the system language).</source>
        <translation>Sprache der Benutzeroberfläche, z. B. de oder zh_CN (Vorgabe: $ZSQ_LANG, sonst die Systemsprache).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Save the main window as a PNG image once the model has loaded, then quit (exit status 2 when the model could not be loaded).</source>
        <translation>Das Hauptfenster als PNG-Bild speichern, sobald das Modell geladen ist, und dann beenden (Exit-Status 2, wenn das Modell nicht geladen werden konnte).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Model file to open (default: the demo model).</source>
        <translation>Zu öffnende Modelldatei (Vorgabe: das Demomodell).</translation>
    </message>
    <message>
        <source>[model]</source>
        <translation>[Modell]</translation>
    </message>
    <message>
        <source>only one model file can be opened</source>
        <translation>es kann nur eine Modelldatei geöffnet werden</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
</context>
<context>
    <name>zsq::ui::LayerTree</name>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Weight shape</source>
        <translation>Gewichtsform</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Quantizable</source>
        <translation>Quantisierbar</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message numerus="yes">
        <source>Quantized to %n bit(s)</source>
        <translation>
            <numerusform>Auf %n Bit quantisiert</numerusform>
            <numerusform>Auf %n Bit quantisiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Float, not quantized yet</source>
        <translation>Gleitkomma, noch nicht quantisiert</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>Faltung</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>Batch-Norm</translation>
    </message>
    <message>
        <source>Activation quantizer</source>
        <translation>Aktivierungsquantisierer</translation>
    </message>
</context>
<context>
    <name>zsq::ui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Model…</source>
        <translation>Modell ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a PyTorch model or a ZSQ checkpoint</source>
        <translation>Ein PyTorch-Modell oder einen ZSQ-Checkpoint öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Open &amp;Demo Model</source>
        <translation>&amp;Demomodell öffnen</translation>
    </message>
    <message>
        <source>Open the Fashion-MNIST ResNet-8 that comes with ZSQ Studio</source>
        <translation>Das mit ZSQ Studio mitgelieferte Fashion-MNIST-ResNet-8 öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About ZSQ Studio</source>
        <translation>Ü&amp;ber ZSQ Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <source>Models (*.pt *.pth *.zsq *.ts)</source>
        <translation>Modelle (*.pt *.pth *.zsq *.ts)</translation>
    </message>
    <message>
        <source>ZSQ checkpoints (*.zsq)</source>
        <translation>ZSQ-Checkpoints (*.zsq)</translation>
    </message>
    <message>
        <source>PyTorch files (*.pt *.pth)</source>
        <translation>PyTorch-Dateien (*.pt *.pth)</translation>
    </message>
    <message>
        <source>TorchScript archives (*.ts *.pt)</source>
        <translation>TorchScript-Archive (*.ts *.pt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>About ZSQ Studio</source>
        <translation>Über ZSQ Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ZSQ Studio %1&lt;/h3&gt;&lt;p&gt;Zero-shot quantization of convolutional neural networks: low-bit models without the training data.&lt;/p&gt;&lt;p&gt;Reads TorchScript archives, PyTorch state_dict files and ZSQ checkpoints.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and LibTorch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ZSQ Studio %1&lt;/h3&gt;&lt;p&gt;Zero-Shot-Quantisierung von Faltungsnetzen: Modelle mit niedriger Bitbreite, ohne die Trainingsdaten zu benötigen.&lt;/p&gt;&lt;p&gt;Liest TorchScript-Archive, PyTorch-state_dict-Dateien und ZSQ-Checkpoints.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 und LibTorch.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>%1, %2 parameters</source>
        <translation>%1, %2 Parameter</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>%1 geladen</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot Open Model</source>
        <translation>Modell kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ModelHeader</name>
    <message>
        <source>Architecture:</source>
        <translation>Architektur:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>Klassen:</translation>
    </message>
    <message>
        <source>Input shape:</source>
        <translation>Eingabeform:</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Parameter:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Quantizable layers:</source>
        <translation>Quantisierbare Schichten:</translation>
    </message>
    <message>
        <source>Activation quantizers:</source>
        <translation>Aktivierungsquantisierer:</translation>
    </message>
    <message>
        <source>ZSQ checkpoint</source>
        <translation>ZSQ-Checkpoint</translation>
    </message>
    <message>
        <source>%1 (32-bit float)</source>
        <translation>%1 (32-Bit-Gleitkomma)</translation>
    </message>
    <message>
        <source>%1 quantized, %2 as 32-bit float</source>
        <translation>%1 quantisiert, %2 als 32-Bit-Gleitkomma</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ModelLoader</name>
    <message>
        <source>Unknown error while reading the model.</source>
        <translation>Unbekannter Fehler beim Lesen des Modells.</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ModelView</name>
    <message>
        <source>No model is open.
Open one with File ▸ Open Model… or drop a model file onto this window.</source>
        <translation>Kein Modell geöffnet.
Öffnen Sie eines mit Datei ▸ Modell öffnen… oder ziehen Sie eine Modelldatei auf dieses Fenster.</translation>
    </message>
</context>
</TS>
