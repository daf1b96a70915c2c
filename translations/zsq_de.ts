<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>EvalData</name>
    <message>
        <source>%1 ZeroQ-distilled samples (agreement with the FP model)</source>
        <translation>%1 mit ZeroQ destillierte Stichproben (Übereinstimmung mit dem FP-Modell)</translation>
    </message>
    <message>
        <source>%1/%2 (%3 samples, top-1 against labels)</source>
        <translation>%1/%2 (%3 Stichproben, Top-1 gegen die Labels)</translation>
    </message>
</context>
<context>
    <name>TsneFigures</name>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>KL-Divergenz</translation>
    </message>
    <message>
        <source>10-NN preservation</source>
        <translation>10-NN-Erhaltung</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Stichproben</translation>
    </message>
    <message>
        <source>Silhouette (features / embedding)</source>
        <translation>Silhouette (Merkmale / Einbettung)</translation>
    </message>
    <message>
        <source>Intra-class angle</source>
        <translation>Winkel innerhalb der Klasse</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>10-NN class agreement (features / embedding)</source>
        <translation>10-NN-Klassenübereinstimmung (Merkmale / Einbettung)</translation>
    </message>
    <message>
        <source>Predicted = label</source>
        <translation>Vorhersage = Label</translation>
    </message>
</context>
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
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tab to show at start (and to capture with --screenshot): model, training, images, tsne, layers or results.</source>
        <translation>Beim Start angezeigter Reiter (und mit --screenshot aufgenommen): model, training, images, tsne, layers oder results.</translation>
    </message>
    <message>
        <source>Colours: system (default), light or dark.</source>
        <translation>Farben: system (Vorgabe), light oder dark.</translation>
    </message>
    <message>
        <source>Run two short quantizations, a per-layer analysis and a t-SNE by themselves, save a PNG of every tab into the folder, then quit.</source>
        <translation>Selbstständig zwei kurze Quantisierungen, eine Analyse je Schicht und ein t-SNE ausführen, von jedem Reiter ein PNG im Ordner speichern und dann beenden.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>unknown theme &apos;%1&apos; (system, light, dark)</source>
        <translation>unbekanntes Farbschema „%1“ (system, light, dark)</translation>
    </message>
    <message>
        <source>unknown tab &apos;%1&apos; (model, training, images, tsne, layers, results)</source>
        <translation>unbekannter Reiter „%1“ (model, training, images, tsne, layers, results)</translation>
    </message>
    <message>
        <source>User interface language, e.g. de or zh_CN (default: $ZSQ_LANG, else the choice in View &gt; Language, else the system language).</source>
        <translation>Sprache der Benutzeroberfläche, z. B. de oder zh_CN (Vorgabe: $ZSQ_LANG, sonst die Wahl unter Ansicht &gt; Sprache, sonst die Systemsprache).</translation>
    </message>
</context>
<context>
    <name>zsq::ui::CheckpointPicker</name>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose a quantized .zsq checkpoint</source>
        <translation>Einen quantisierten .zsq-Checkpoint wählen</translation>
    </message>
    <message>
        <source>Quantized Model</source>
        <translation>Quantisiertes Modell</translation>
    </message>
    <message>
        <source>ZSQ checkpoints (*.zsq)</source>
        <translation>ZSQ-Checkpoints (*.zsq)</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ExplanationBox</name>
    <message>
        <source>What am I looking at?</source>
        <translation>Was sehe ich hier?</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ImageGrid</name>
    <message>
        <source>Look back at earlier batches; the right end follows the run</source>
        <translation>Frühere Stapel ansehen; ganz rechts folgt die Anzeige dem Lauf</translation>
    </message>
    <message>
        <source>&amp;Save PNG…</source>
        <translation>Als PNG &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the grid on display as a PNG image</source>
        <translation>Das angezeigte Raster als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Verlauf:</translation>
    </message>
    <message>
        <source>no images yet</source>
        <translation>noch keine Bilder</translation>
    </message>
    <message>
        <source>iteration %1 (%2 of %3)</source>
        <translation>Iteration %1 (%2 von %3)</translation>
    </message>
    <message>
        <source>Save Synthetic Images</source>
        <translation>Synthetische Bilder speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ImageGridCanvas</name>
    <message>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>Synthetic images appear here while a generative method trains.</source>
        <translation>Hier erscheinen synthetische Bilder, während eine generative Methode trainiert.</translation>
    </message>
</context>
<context>
    <name>zsq::ui::Language</name>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
</context>
<context>
    <name>zsq::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
</context>
<context>
    <name>zsq::ui::LayerChart</name>
    <message>
        <source>Single-layer accuracy</source>
        <translation>Genauigkeit einzelner Schichten</translation>
    </message>
    <message>
        <source>Cumulative accuracy</source>
        <translation>Kumulative Genauigkeit</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>Single: only this layer quantized. Cumulative: this layer and all before it. SQNR: signal-to-quantization-noise ratio of the layer&apos;s output in the fully quantized model.</source>
        <translation>Einzeln: nur diese Schicht quantisiert. Kumulativ: diese Schicht und alle davor. SQNR: Signal-Quantisierungsrausch-Verhältnis der Ausgabe der Schicht im vollständig quantisierten Modell.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>top-1 (%)</source>
        <translation>Top-1 (%)</translation>
    </message>
    <message>
        <source>agreement with FP (%)</source>
        <translation>Übereinstimmung mit FP (%)</translation>
    </message>
    <message>
        <source>after fine-tuning</source>
        <translation>nach dem Feintuning</translation>
    </message>
    <message>
        <source>before (FP weights quantized)</source>
        <translation>vorher (FP-Gewichte quantisiert)</translation>
    </message>
</context>
<context>
    <name>zsq::ui::LayerTable</name>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>W bits</source>
        <translation>W-Bits</translation>
    </message>
    <message>
        <source>top-1 %</source>
        <translation>Top-1 %</translation>
    </message>
    <message>
        <source>agreement %</source>
        <translation>Übereinstimmung %</translation>
    </message>
    <message>
        <source>Single %1</source>
        <translation>Einzeln %1</translation>
    </message>
    <message>
        <source>Cumulative %1</source>
        <translation>Kumulativ %1</translation>
    </message>
    <message>
        <source>SQNR dB</source>
        <translation>SQNR dB</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>After: single %1</source>
        <translation>Nachher: einzeln %1</translation>
    </message>
    <message>
        <source>After: cumulative %1</source>
        <translation>Nachher: kumulativ %1</translation>
    </message>
    <message>
        <source>After: SQNR dB</source>
        <translation>Nachher: SQNR dB</translation>
    </message>
    <message>
        <source>KL at W%1</source>
        <translation>KL bei W%1</translation>
    </message>
    <message>
        <source>Weight bits of this layer in the next run</source>
        <translation>Gewichts-Bits dieser Schicht im nächsten Lauf</translation>
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
    <name>zsq::ui::LayerView</name>
    <message>
        <source>&lt;p&gt;One bar per quantizable layer, in forward order. &lt;b&gt;Single&lt;/b&gt;: the accuracy with only this layer&apos;s weights quantized, i.e. how sensitive the layer is on its own. &lt;b&gt;Cumulative&lt;/b&gt;: this layer and all layers before it quantized, i.e. where the accuracy is lost as the errors add up through the network. &lt;b&gt;SQNR&lt;/b&gt; (signal-to-quantization-noise ratio) compares the layer&apos;s output in the fully quantized model (weights and activations) with the full-precision output; each bit is worth about 6 dB, and below about 10 dB the output is mostly noise. With a quantized checkpoint the figures come twice: before (the FP weights quantized as they are) and after the method&apos;s fine-tuning.&lt;/p&gt;&lt;p&gt;Why W2 hurts much more than W4: 4-bit weights have 16 levels, 2-bit weights only 4, so the rounding step is five times larger (about 14 dB less SQNR), and small layers such as the first convolution or the classifier have few weights to average the error out.&lt;/p&gt;&lt;p&gt;The &lt;b&gt;sensitivity&lt;/b&gt; of a layer at b bits (KL columns) is the mean KL divergence between the FP model&apos;s predictions and those with only that layer at b bits (ZeroQ). &lt;b&gt;Suggest bits&lt;/b&gt; chooses the widths that minimise the summed sensitivity while the average weight bits, weighted by the number of weights (the model&apos;s size), stay within the budget: large, robust layers get fewer bits, small, sensitive ones more. The W bits column is passed to the next run (layer_bits).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein Balken je quantisierbarer Schicht, in Vorwärtsreihenfolge. &lt;b&gt;Einzeln&lt;/b&gt;: die Genauigkeit, wenn nur die Gewichte dieser Schicht quantisiert sind, also wie empfindlich die Schicht für sich allein ist. &lt;b&gt;Kumulativ&lt;/b&gt;: diese Schicht und alle davor quantisiert, also wo die Genauigkeit verloren geht, während sich die Fehler durch das Netz aufsummieren. &lt;b&gt;SQNR&lt;/b&gt; (Signal-Quantisierungsrausch-Verhältnis) vergleicht die Ausgabe der Schicht im vollständig quantisierten Modell (Gewichte und Aktivierungen) mit der Ausgabe in voller Genauigkeit; jedes Bit bringt etwa 6 dB, und unter etwa 10 dB ist die Ausgabe überwiegend Rauschen. Mit einem quantisierten Checkpoint erscheinen die Werte zweimal: vorher (die FP-Gewichte so quantisiert, wie sie sind) und nach dem Feintuning der Methode.&lt;/p&gt;&lt;p&gt;Warum W2 viel mehr schadet als W4: 4-Bit-Gewichte haben 16 Stufen, 2-Bit-Gewichte nur 4, die Rundungsschritte sind also fünfmal so groß (etwa 14 dB weniger SQNR), und kleine Schichten wie die erste Faltung oder der Klassifikator haben wenige Gewichte, über die sich der Fehler ausmitteln könnte.&lt;/p&gt;&lt;p&gt;Die &lt;b&gt;Empfindlichkeit&lt;/b&gt; einer Schicht bei b Bits (KL-Spalten) ist die mittlere KL-Divergenz zwischen den Vorhersagen des FP-Modells und denen mit nur dieser Schicht bei b Bits (ZeroQ). &lt;b&gt;Bits vorschlagen&lt;/b&gt; wählt die Bitbreiten, die die summierte Empfindlichkeit minimieren, während die mittleren Gewichts-Bits, gewichtet mit der Zahl der Gewichte (der Modellgröße), im Budget bleiben: große, robuste Schichten bekommen weniger Bits, kleine, empfindliche mehr. Die Spalte W-Bits wird an den nächsten Lauf übergeben (layer_bits).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Average weight bits allowed, weighted by the number of weights</source>
        <translation>Erlaubte mittlere Gewichts-Bits, gewichtet mit der Zahl der Gewichte</translation>
    </message>
    <message>
        <source>Su&amp;ggest Bits</source>
        <translation>Bits &amp;vorschlagen</translation>
    </message>
    <message>
        <source>Fill the bits column with the widths of least total sensitivity within the budget</source>
        <translation>Füllt die Bits-Spalte mit den Bitbreiten der geringsten Gesamtempfindlichkeit innerhalb des Budgets</translation>
    </message>
    <message>
        <source>&amp;Uniform</source>
        <translation>&amp;Einheitlich</translation>
    </message>
    <message>
        <source>Back to the Run panel&apos;s weight bits for every layer</source>
        <translation>Zurück zu den Gewichts-Bits des Laufbereichs für alle Schichten</translation>
    </message>
    <message>
        <source>Budget (average W bits):</source>
        <translation>Budget (mittlere W-Bits):</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>None (before only)</source>
        <translation>Keiner (nur vorher)</translation>
    </message>
    <message>
        <source>A method&apos;s fine-tuned quantized.zsq: the figures before AND after fine-tuning</source>
        <translation>Die feinabgestimmte quantized.zsq einer Methode: die Werte vor UND nach dem Feintuning</translation>
    </message>
    <message>
        <source>&amp;Compare with:</source>
        <translation>&amp;Vergleichen mit:</translation>
    </message>
    <message>
        <source>Evaluation samples of the Run panel&apos;s dataset</source>
        <translation>Auswertungs-Stichproben aus dem Datensatz des Laufbereichs</translation>
    </message>
    <message>
        <source>Bit widths whose sensitivity is measured; Suggest Bits chooses among them</source>
        <translation>Bitbreiten, deren Empfindlichkeit gemessen wird; „Bits vorschlagen“ wählt unter ihnen</translation>
    </message>
    <message>
        <source>Measure the sensitivity</source>
        <translation>Empfindlichkeit messen</translation>
    </message>
    <message>
        <source>Needed for Suggest Bits; skipping it is faster</source>
        <translation>Nötig für „Bits vorschlagen“; ohne geht es schneller</translation>
    </message>
    <message>
        <source>Bit widths and dataset come from the Run panel.</source>
        <translation>Bitbreiten und Datensatz kommen aus dem Laufbereich.</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>Sto&amp;ppen</translation>
    </message>
    <message>
        <source>Give the candidate bit widths as a list, e.g. 2,4,8.</source>
        <translation>Geben Sie die Kandidaten-Bitbreiten als Liste an, z. B. 2,4,8.</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>Analysiere…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stoppe…</translation>
    </message>
    <message>
        <source>%1 layers on %2 samples: full precision %3 %, fully quantized %4 % (W%5A%6).</source>
        <translation>%1 Schichten auf %2 Stichproben: volle Genauigkeit %3 %, vollständig quantisiert %4 % (W%5A%6).</translation>
    </message>
    <message>
        <source>Analyse the layers first.</source>
        <translation>Analysieren Sie zuerst die Schichten.</translation>
    </message>
    <message>
        <source>Suggested bits: summed sensitivity %1.</source>
        <translation>Vorgeschlagene Bits: summierte Empfindlichkeit %1.</translation>
    </message>
    <message>
        <source>No layers analysed yet.</source>
        <translation>Noch keine Schichten analysiert.</translation>
    </message>
    <message>
        <source>Average weight bits: %1 (%2 layers differ from W%3)</source>
        <translation>Mittlere Gewichts-Bits: %1 (%2 Schichten weichen von W%3 ab)</translation>
    </message>
    <message>
        <source>Sampl&amp;es:</source>
        <translation>Stichpr&amp;oben:</translation>
    </message>
    <message>
        <source>Can&amp;didate bits:</source>
        <translation>&amp;Kandidaten-Bits:</translation>
    </message>
    <message>
        <source>Sensitivities (for Suggest Bits) measured on %1, never on the test split.</source>
        <translation>Empfindlichkeiten (für „Bits vorschlagen“) gemessen auf %1, nie auf dem Testsplit.</translation>
    </message>
    <message>
        <source>The compared run was refined by %1, which stores its weights already rounded: in its “after” single and cumulative columns, the layers kept in float have the float model&apos;s weights.</source>
        <translation>Der verglichene Lauf wurde mit %1 verfeinert, der seine Gewichte bereits gerundet speichert: In seinen „Nachher“-Spalten (einzeln und kumulativ) haben die in Gleitkomma belassenen Schichten die Gewichte des Gleitkommamodells.</translation>
    </message>
    <message>
        <source>Analysing: %1 % done, about %2 left.</source>
        <translation>Analyse: %1 % erledigt, noch etwa %2.</translation>
    </message>
    <message>
        <source>The table shows the figures over the samples measured so far.</source>
        <translation>Die Tabelle zeigt die Werte über die bisher gemessenen Stichproben.</translation>
    </message>
    <message>
        <source>The analysis kept with %1 (%2 samples, %3): press Start to measure again.</source>
        <translation>Die bei %1 abgelegte Analyse (%2 Stichproben, %3): Starten misst erneut.</translation>
    </message>
    <message>
        <source>Kept in %1.</source>
        <translation>Abgelegt in %1.</translation>
    </message>
    <message>
        <source>Could not keep it with the run: %1</source>
        <translation>Konnte nicht beim Lauf abgelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>zsq::ui::LogView</name>
    <message>
        <source>warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <source>error: </source>
        <translation>Fehler: </translation>
    </message>
</context>
<context>
    <name>zsq::ui::LossPlot</name>
    <message>
        <source>Generator</source>
        <translation>Generator</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Schüler</translation>
    </message>
    <message>
        <source>Top-1 (%)</source>
        <translation>Top-1 (%)</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <source>student top-1</source>
        <translation>Top-1 des Schülers</translation>
    </message>
    <message>
        <source>&amp;Smoothing:</source>
        <translation>&amp;Glättung:</translation>
    </message>
    <message>
        <source>Exponential moving average of each curve (0 = raw values)</source>
        <translation>Exponentieller gleitender Mittelwert jeder Kurve (0 = Rohwerte)</translation>
    </message>
    <message>
        <source>&amp;Log scale</source>
        <translation>&amp;Logarithmische Skala</translation>
    </message>
    <message>
        <source>Logarithmic loss axes</source>
        <translation>Logarithmische Verlustachsen</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>Show all data and follow new points again (also: double-click the plot)</source>
        <translation>Alle Daten zeigen und wieder neuen Punkten folgen (auch: Doppelklick ins Diagramm)</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>Als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Hover over the curves to read values.</source>
        <translation>Mit der Maus über die Kurven fahren, um Werte abzulesen.</translation>
    </message>
    <message>
        <source>Iteration %1: %2</source>
        <translation>Iteration %1: %2</translation>
    </message>
    <message>
        <source>Export Curves as PNG</source>
        <translation>Kurven als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Export Losses as CSV</source>
        <translation>Verluste als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Angle (°)</source>
        <translation>Winkel (°)</translation>
    </message>
    <message>
        <source>refinement →</source>
        <translation>Verfeinerung →</translation>
    </message>
    <message>
        <source>refine: block MSE</source>
        <translation>Verfeinerung: Block-MSE</translation>
    </message>
    <message>
        <source>refine: layer MSE</source>
        <translation>Verfeinerung: Schicht-MSE</translation>
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
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>No run yet: choose the settings in the Run panel and press Start (Ctrl+R).</source>
        <translation>Noch kein Lauf: Einstellungen im Bereich „Lauf“ wählen und Start drücken (Strg+R).</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>S&amp;ynthetic Images</source>
        <translation>S&amp;ynthetische Bilder</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Quantize the open model with the settings of the Run panel</source>
        <translation>Das geöffnete Modell mit den Einstellungen des Bereichs „Lauf“ quantisieren</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Pause or resume the run</source>
        <translation>Den Lauf anhalten oder fortsetzen</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Stop the run; generative methods keep run.ckpt for a resume</source>
        <translation>Den Lauf beenden; generative Methoden behalten run.ckpt zum Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>Bitte zuerst ein Modell öffnen.</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>%1 läuft…</translation>
    </message>
    <message>
        <source>Run settings: %1</source>
        <translation>Einstellungen des Laufs: %1</translation>
    </message>
    <message>
        <source>Stopping: saving the checkpoint and evaluating the student…</source>
        <translation>Wird beendet: Checkpoint wird gespeichert und der Student ausgewertet…</translation>
    </message>
    <message>
        <source>Epoch %1: student top-1 %2 % (best %3 %) on %4 images</source>
        <translation>Epoche %1: Student-Top-1 %2 % (bestes %3 %) auf %4 Bildern</translation>
    </message>
    <message>
        <source>Stopped before training began; nothing was written.</source>
        <translation>Vor Beginn des Trainings beendet; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Quantized top-1: %1 % (full precision: %2 %).</source>
        <translation>Quantisiertes Top-1: %1 % (volle Genauigkeit: %2 %).</translation>
    </message>
    <message>
        <source>Stopped. %1 The checkpoint run.ckpt is kept for a resume.</source>
        <translation>Beendet. %1 Der Checkpoint run.ckpt bleibt zum Fortsetzen erhalten.</translation>
    </message>
    <message>
        <source>%1 Output: %2</source>
        <translation>%1 Ausgabe: %2</translation>
    </message>
    <message>
        <source>Run stopped</source>
        <translation>Lauf beendet</translation>
    </message>
    <message>
        <source>Run finished: %1</source>
        <translation>Lauf abgeschlossen: %1</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>Der Lauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation>Lauf fehlgeschlagen</translation>
    </message>
    <message>
        <source>Run Failed</source>
        <translation>Lauf fehlgeschlagen</translation>
    </message>
    <message>
        <source>synthetic (%1)</source>
        <translation>synthetisch (%1)</translation>
    </message>
    <message>
        <source>t-S&amp;NE</source>
        <translation>t-S&amp;NE</translation>
    </message>
    <message>
        <source>Per-&amp;layer</source>
        <translation>&amp;Je Schicht</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Full screen with large fonts, one view at a time (Page Up/Down)</source>
        <translation>Vollbild mit großer Schrift, eine Ansicht nach der anderen (Bild auf/ab)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>A run is going; stop it before starting the demo.</source>
        <translation>Ein Lauf ist aktiv; bitte vor dem Start der Demo beenden.</translation>
    </message>
    <message numerus="yes">
        <source>Demo: %n run(s) still queued after this one</source>
        <translation>
            <numerusform>Demo: nach diesem noch %n Lauf in der Warteschlange</numerusform>
            <numerusform>Demo: nach diesem noch %n Läufe in der Warteschlange</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Demo: LRQ vs ClusterQ</source>
        <translation>&amp;Demo: LRQ gegen ClusterQ</translation>
    </message>
    <message>
        <source>Open the demo model and run quick LRQ, then quick ClusterQ; the Results tab compares them</source>
        <translation>Das Demomodell öffnen und schnell LRQ, dann schnell ClusterQ ausführen; der Reiter „Ergebnisse“ vergleicht sie</translation>
    </message>
    <message>
        <source>ZSQ Studio sessions (*.zsqsession)</source>
        <translation>ZSQ-Studio-Sitzungen (*.zsqsession)</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation>&amp;Neue Sitzung</translation>
    </message>
    <message>
        <source>Forget the finished runs and go back to the default settings</source>
        <translation>Die abgeschlossenen Läufe vergessen und zu den Standardeinstellungen zurückkehren</translation>
    </message>
    <message>
        <source>Open &amp;Session…</source>
        <translation>&amp;Sitzung öffnen…</translation>
    </message>
    <message>
        <source>Open a saved session: model, run settings and finished runs</source>
        <translation>Eine gespeicherte Sitzung öffnen: Modell, Laufeinstellungen und abgeschlossene Läufe</translation>
    </message>
    <message>
        <source>Sa&amp;ve Session</source>
        <translation>Sitzung spei&amp;chern</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>Sitzung speichern &amp;unter…</translation>
    </message>
    <message>
        <source>The interrupted run can be resumed from %1: press Start (Ctrl+R).</source>
        <translation>Der unterbrochene Lauf kann ab %1 fortgesetzt werden: Start drücken (Strg+R).</translation>
    </message>
    <message>
        <source>The interrupted run in %1 left no checkpoint to resume from.</source>
        <translation>Der unterbrochene Lauf in %1 hat keinen Checkpoint zum Fortsetzen hinterlassen.</translation>
    </message>
    <message>
        <source>Stop the run before starting a new session.</source>
        <translation>Bitte den Lauf beenden, bevor eine neue Sitzung beginnt.</translation>
    </message>
    <message>
        <source>Could not open the session</source>
        <translation>Die Sitzung konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot Open Session</source>
        <translation>Sitzung kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opened session %1</source>
        <translation>Sitzung %1 geöffnet</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>The session was not saved</source>
        <translation>Die Sitzung wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Cannot Save Session</source>
        <translation>Sitzung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1

The previous file, if any, is unchanged.</source>
        <translation>%1

Die bisherige Datei, falls vorhanden, ist unverändert.</translation>
    </message>
    <message>
        <source>Saved session %1</source>
        <translation>Sitzung %1 gespeichert</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <source>Recover Session</source>
        <translation>Sitzung wiederherstellen</translation>
    </message>
    <message>
        <source>ZSQ Studio did not shut down properly last time. Recover the model, the run settings and the finished runs?</source>
        <translation>ZSQ Studio wurde beim letzten Mal nicht ordnungsgemäß beendet. Modell, Laufeinstellungen und abgeschlossene Läufe wiederherstellen?</translation>
    </message>
    <message>
        <source>A run that was going can be resumed from its checkpoint.</source>
        <translation>Ein laufender Lauf kann ab seinem Checkpoint fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Could not recover the session: %1</source>
        <translation>Die Sitzung konnte nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Recovered the previous session</source>
        <translation>Vorherige Sitzung wiederhergestellt</translation>
    </message>
    <message>
        <source>Res&amp;ults</source>
        <translation>Ergebn&amp;isse</translation>
    </message>
    <message>
        <source>Resume from &amp;Checkpoint...</source>
        <translation>Ab &amp;Checkpoint fortsetzen...</translation>
    </message>
    <message>
        <source>Continue a stopped or interrupted run from its run.ckpt</source>
        <translation>Einen gestoppten oder unterbrochenen Lauf ab seiner run.ckpt fortsetzen</translation>
    </message>
    <message>
        <source>Resume from Checkpoint</source>
        <translation>Ab Checkpoint fortsetzen</translation>
    </message>
    <message>
        <source>Run checkpoints (run.ckpt);;All files (*)</source>
        <translation>Lauf-Checkpoints (run.ckpt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation>Fortsetzen nicht möglich</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>Open the run&apos;s model and wait until no run is going, then resume.</source>
        <translation>Öffnen Sie das Modell des Laufs und warten Sie, bis kein Lauf mehr aktiv ist; dann fortsetzen.</translation>
    </message>
    <message>
        <source>Resuming from %1</source>
        <translation>Fortsetzen ab %1</translation>
    </message>
    <message>
        <source>ZSQ Studio will be in %1 from its next start.</source>
        <translation>ZSQ Studio erscheint ab dem nächsten Start auf %1.</translation>
    </message>
    <message>
        <source>The preprocessing settings went back to the new model&apos;s own.</source>
        <translation>Die Vorverarbeitung ist wieder die des neuen Modells.</translation>
    </message>
    <message>
        <source>Preprocessing in use: %1</source>
        <translation>Vorverarbeitung in Gebrauch: %1</translation>
    </message>
    <message>
        <source>The preprocessing settings do not fit the model: %1</source>
        <translation>Die Vorverarbeitungseinstellungen passen nicht zum Modell: %1</translation>
    </message>
    <message>
        <source>Choose a dataset in the Run panel to check the model on it.</source>
        <translation>Im Laufbereich einen Datensatz wählen, um das Modell daran zu prüfen.</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>Die Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Started although the model is near chance on %1.</source>
        <translation>Gestartet, obwohl das Modell auf %1 nahe am Zufall liegt.</translation>
    </message>
    <message>
        <source>Not started: the full-precision model is near chance on %1 (%2 % top-1); check its preprocessing on the Model tab.</source>
        <translation>Nicht gestartet: Das Modell in voller Genauigkeit liegt auf %1 nahe am Zufall (%2 % Top-1); seine Vorverarbeitung im Reiter Modell prüfen.</translation>
    </message>
    <message>
        <source>The full-precision model reaches only %1 % top-1 on the first %2 images of %3, near chance (%4 %). Its preprocessing (input size, resize, mean, std) is almost certainly not the one it was trained with, so the accuracies of this run would mean little.</source>
        <translation>Das Modell in voller Genauigkeit erreicht auf den ersten %2 Bildern von %3 nur %1 % Top-1, nahe am Zufall (%4 %). Seine Vorverarbeitung (Eingabegröße, Skalierung, Mittelwert, Standardabweichung) ist fast sicher nicht die, mit der es trainiert wurde; die Genauigkeiten dieses Laufs hätten dann wenig Aussagekraft.</translation>
    </message>
    <message>
        <source>Model Near Chance</source>
        <translation>Modell nahe am Zufall</translation>
    </message>
    <message>
        <source>In use: %1

Set the model&apos;s own values on the Model tab and press Check on Dataset, or start anyway.</source>
        <translation>In Gebrauch: %1

Die eigenen Werte des Modells im Reiter Modell eintragen und „Am Datensatz prüfen“ drücken, oder trotzdem starten.</translation>
    </message>
    <message>
        <source>Start Anyway</source>
        <translation>Trotzdem starten</translation>
    </message>
    <message>
        <source>Checking the model on %1 before the run…</source>
        <translation>Das Modell wird vor dem Lauf an %1 geprüft …</translation>
    </message>
    <message>
        <source>Not started: stopped while the model was being checked.</source>
        <translation>Nicht gestartet: angehalten, während das Modell geprüft wurde.</translation>
    </message>
    <message>
        <source>&amp;Export Quantized Model…</source>
        <translation>Quantisiertes Modell &amp;exportieren…</translation>
    </message>
    <message>
        <source>Write a run&apos;s quantized model as ONNX (QDQ) or TorchScript</source>
        <translation>Das quantisierte Modell eines Laufs als ONNX (QDQ) oder TorchScript schreiben</translation>
    </message>
    <message>
        <source>the model could not be opened</source>
        <translation>das Modell konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>A quantization run is going: closing stops it (a generative run keeps run.ckpt for a resume).</source>
        <translation>Ein Quantisierungslauf läuft: Schließen stoppt ihn (ein generativer Lauf behält run.ckpt zum Fortsetzen).</translation>
    </message>
    <message>
        <source>An analysis is going: closing stops it.</source>
        <translation>Eine Analyse läuft: Schließen stoppt sie.</translation>
    </message>
    <message>
        <source>The session has unsaved changes.</source>
        <translation>Die Sitzung hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Quit ZSQ Studio?</source>
        <translation>ZSQ Studio beenden?</translation>
    </message>
    <message>
        <source>&amp;Save and Quit</source>
        <translation>&amp;Speichern und beenden</translation>
    </message>
    <message>
        <source>&amp;Quit without Saving</source>
        <translation>&amp;Ohne Speichern beenden</translation>
    </message>
    <message>
        <source>the run before it did not start</source>
        <translation>der Lauf davor wurde nicht gestartet</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>An export is already going.</source>
        <translation>Ein Export läuft bereits.</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportiere %1…</translation>
    </message>
    <message>
        <source>Export Quantized Model</source>
        <translation>Quantisiertes Modell exportieren</translation>
    </message>
    <message>
        <source>ONNX with QuantizeLinear/DequantizeLinear (*.onnx);;TorchScript for torch.jit.load (*.pt)</source>
        <translation>ONNX mit QuantizeLinear/DequantizeLinear (*.onnx);;TorchScript für torch.jit.load (*.pt)</translation>
    </message>
    <message>
        <source>The demo quantizes the demo model twice to 4 bits, first with LRQ, then with ClusterQ, on a short classroom schedule: about one minute on a 2-core CPU. The Run panel shows each run&apos;s settings; yours come back when the demo ends. Stop ends the demo.</source>
        <translation>Die Demo quantisiert das Demomodell zweimal auf 4 Bit, erst mit LRQ, dann mit ClusterQ, mit einem kurzen Unterrichtsplan: etwa eine Minute auf einer 2-Kern-CPU. Der Laufbereich zeigt die Einstellungen jedes Laufs; Ihre eigenen kommen zurück, wenn die Demo endet. Stoppen beendet die Demo.</translation>
    </message>
    <message>
        <source>Demo: LRQ vs ClusterQ</source>
        <translation>Demo: LRQ gegen ClusterQ</translation>
    </message>
    <message numerus="yes">
        <source>%n queued run(s) will not run: %1.</source>
        <translation>
            <numerusform>%n eingeplanter Lauf wird nicht ausgeführt: %1.</numerusform>
            <numerusform>%n eingeplante Läufe werden nicht ausgeführt: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused. Press Space (Run ▸ Resume) to go on.</source>
        <translation>Angehalten. Leertaste (Lauf ▸ Fortsetzen) setzt fort.</translation>
    </message>
    <message>
        <source>the run before it was stopped</source>
        <translation>der Lauf davor wurde gestoppt</translation>
    </message>
    <message>
        <source>the run before it failed</source>
        <translation>der Lauf davor ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>a new session was started</source>
        <translation>eine neue Sitzung wurde begonnen</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 (%2): quantized top-1 %3 % (full precision %4 %).</source>
        <translation>%1 (%2): quantisiert Top-1 %3 % (volle Genauigkeit %4 %).</translation>
    </message>
    <message>
        <source>Its folder has no losses.csv to draw.</source>
        <translation>Sein Ordner enthält keine losses.csv zum Zeichnen.</translation>
    </message>
    <message>
        <source>Not refined</source>
        <translation>Nicht verfeinert</translation>
    </message>
    <message>
        <source>Cannot Refine</source>
        <translation>Verfeinern nicht möglich</translation>
    </message>
    <message>
        <source>A run is going; refine when it has ended.</source>
        <translation>Ein Lauf ist im Gange; verfeinern Sie, wenn er beendet ist.</translation>
    </message>
    <message>
        <source>Refining %1 with %2</source>
        <translation>%1 wird mit %2 verfeinert</translation>
    </message>
    <message>
        <source>Finish a run first: Refine works on a run of the Results tab.</source>
        <translation>Schließen Sie zuerst einen Lauf ab: Verfeinern arbeitet mit einem Lauf des Reiters „Ergebnisse“.</translation>
    </message>
    <message>
        <source>ranges: Lp search of every weight and activation range (seconds)</source>
        <translation>ranges: Lp-Suche jedes Gewichts- und Aktivierungsbereichs (Sekunden)</translation>
    </message>
    <message>
        <source>adaround: the ranges, then each layer&apos;s rounding learned (minutes)</source>
        <translation>adaround: die Bereiche, dann die Rundung jeder Schicht gelernt (Minuten)</translation>
    </message>
    <message>
        <source>brecq: the ranges, then each block&apos;s rounding and ranges learned (minutes)</source>
        <translation>brecq: die Bereiche, dann Rundung und Bereiche jedes Blocks gelernt (Minuten)</translation>
    </message>
    <message>
        <source>Refine Finished Run</source>
        <translation>Abgeschlossenen Lauf verfeinern</translation>
    </message>
    <message>
        <source>Refine %1 without training again; the result goes to a new folder beside it:</source>
        <translation>%1 ohne erneutes Training verfeinern; das Ergebnis kommt in einen neuen Ordner daneben:</translation>
    </message>
    <message>
        <source>PgUp/PgDn: other views · F11: leave</source>
        <translation>Bild auf/ab: andere Ansichten · F11: verlassen</translation>
    </message>
    <message>
        <source>Could not keep the images: %1</source>
        <translation>Die Bilder konnten nicht abgelegt werden: %1</translation>
    </message>
    <message>
        <source>Re&amp;fine Finished Run…</source>
        <translation>Abgeschlossenen Lauf &amp;verfeinern…</translation>
    </message>
    <message>
        <source>Refine the selected run of the Results tab (ranges, AdaRound, BRECQ) without training again</source>
        <translation>Den gewählten Lauf des Reiters „Ergebnisse“ verfeinern (ranges, AdaRound, BRECQ), ohne erneut zu trainieren</translation>
    </message>
    <message>
        <source>Pause is not available with %1 processes: they wait for each other at most dist.timeout seconds. Stop keeps run.ckpt for a resume.</source>
        <translation>Pausieren ist mit %1 Prozessen nicht möglich: Sie warten höchstens dist.timeout Sekunden aufeinander. Stoppen behält run.ckpt zum Fortsetzen.</translation>
    </message>
    <message>
        <source>%1 was stopped before it finished and has no quantized.zsq to export; finish it first with Run &gt; Resume from Checkpoint (its run.ckpt).</source>
        <translation>%1 wurde vor dem Ende angehalten und hat kein quantized.zsq zum Exportieren; zuerst mit Lauf &gt; Ab Checkpoint fortsetzen (sein run.ckpt) abschließen.</translation>
    </message>
    <message>
        <source>%1 (%2): %3.</source>
        <translation>%1 (%2): %3.</translation>
    </message>
    <message>
        <source>Done; %1.</source>
        <translation>Fertig; %1.</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ModelExporter</name>
    <message>
        <source>The export was cancelled.</source>
        <translation>Der Export wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Exported %1 (%2): %3 weights packed at %4 bits on average are %5 (float32: %6).</source>
        <translation>%1 exportiert (%2): %3 Gewichte, gepackt mit durchschnittlich %4 Bit, belegen %5 (float32: %6).</translation>
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
    <message>
        <source>%1 × the data&apos;s size</source>
        <translation>%1 × die Größe der Daten</translation>
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
<context>
    <name>zsq::ui::ParamForm</name>
    <message>
        <source>Training schedule (generative methods)</source>
        <translation>Trainingsplan (generative Methoden)</translation>
    </message>
    <message>
        <source>ZeroQ PTQ</source>
        <translation>ZeroQ-PTQ</translation>
    </message>
    <message>
        <source>GDFQ losses</source>
        <translation>GDFQ-Verluste</translation>
    </message>
    <message>
        <source>ClusterQ</source>
        <translation>ClusterQ</translation>
    </message>
    <message>
        <source>LRQ</source>
        <translation>LRQ</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Range: %1 to %2</source>
        <translation>Bereich: %1 bis %2</translation>
    </message>
    <message>
        <source>Config key: %1</source>
        <translation>Konfigurationsschlüssel: %1</translation>
    </message>
    <message>
        <source>Refinement (after the method)</source>
        <translation>Verfeinerung (nach der Methode)</translation>
    </message>
    <message>
        <source>Model preprocessing</source>
        <translation>Vorverarbeitung des Modells</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ParamHelp</name>
    <message>
        <source>model file (TorchScript, state_dict or ZSQ checkpoint); &apos;demo&apos; = the shipped Fashion-MNIST model</source>
        <translation>Modelldatei (TorchScript, state_dict oder ZSQ-Checkpoint); &apos;demo&apos; = das mitgelieferte Fashion-MNIST-Modell</translation>
    </message>
    <message>
        <source>quantization method (realdata = fine-tuning on the real training set, the ceiling)</source>
        <translation>Quantisierungsverfahren (realdata = Feinabstimmung auf dem echten Trainingsdatensatz, die Obergrenze)</translation>
    </message>
    <message>
        <source>weight bit width</source>
        <translation>Bitbreite der Gewichte</translation>
    </message>
    <message>
        <source>activation bit width</source>
        <translation>Bitbreite der Aktivierungen</translation>
    </message>
    <message>
        <source>weights quantized per output channel (else per tensor)</source>
        <translation>Gewichte je Ausgabekanal quantisiert (sonst je Tensor)</translation>
    </message>
    <message>
        <source>per-layer weight bit overrides: {layer name: bits}</source>
        <translation>Gewichts-Bitbreite je Schicht: {Schichtname: Bits}</translation>
    </message>
    <message>
        <source>per-quantizer activation bit overrides: {name: bits}</source>
        <translation>Aktivierungs-Bitbreite je Quantisierer: {Name: Bits}</translation>
    </message>
    <message>
        <source>random seed (CPU runs repeat exactly)</source>
        <translation>Zufallsstartwert (CPU-Läufe wiederholen sich exakt)</translation>
    </message>
    <message>
        <source>auto, cpu, cuda or cuda:N</source>
        <translation>auto, cpu, cuda oder cuda:N</translation>
    </message>
    <message>
        <source>LibTorch threads (0 = all cores)</source>
        <translation>LibTorch-Threads (0 = alle Kerne)</translation>
    </message>
    <message>
        <source>output folder (default runs/&lt;method&gt;-w&lt;W&gt;a&lt;A&gt;-&lt;time&gt;)</source>
        <translation>Ausgabeordner (Vorgabe runs/&lt;method&gt;-w&lt;W&gt;a&lt;A&gt;-&lt;time&gt;)</translation>
    </message>
    <message>
        <source>evaluation dataset: fashion-mnist, mnist, cifar10, cifar100, a folder, or none (quantize without any data; accuracy not measured)</source>
        <translation>Auswertungsdatensatz: fashion-mnist, mnist, cifar10, cifar100, ein Ordner oder none (Quantisierung ganz ohne Daten; Genauigkeit wird nicht gemessen)</translation>
    </message>
    <message>
        <source>split used for the reported accuracy</source>
        <translation>Aufteilung, auf der die berichtete Genauigkeit gemessen wird</translation>
    </message>
    <message>
        <source>evaluation batch size</source>
        <translation>Batchgröße der Auswertung</translation>
    </message>
    <message>
        <source>ZeroQ: distilled images</source>
        <translation>ZeroQ: destillierte Bilder</translation>
    </message>
    <message>
        <source>ZeroQ: optimisation steps on the distilled batch</source>
        <translation>ZeroQ: Optimierungsschritte auf dem destillierten Batch</translation>
    </message>
    <message>
        <source>ZeroQ: Adam learning rate on the images</source>
        <translation>ZeroQ: Adam-Lernrate auf den Bildern</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>iterations per epoch</source>
        <translation>Iterationen je Epoche</translation>
    </message>
    <message>
        <source>synthetic batch size</source>
        <translation>Größe des synthetischen Batches</translation>
    </message>
    <message>
        <source>epochs with the student frozen (generator only)</source>
        <translation>Epochen mit eingefrorenem Schüler (nur der Generator lernt)</translation>
    </message>
    <message>
        <source>epochs during which activation ranges are updated</source>
        <translation>Epochen, in denen die Aktivierungsbereiche nachgeführt werden</translation>
    </message>
    <message>
        <source>student learning rate (SGD, Nesterov)</source>
        <translation>Lernrate des Schülers (SGD, Nesterov)</translation>
    </message>
    <message>
        <source>generator learning rate (Adam)</source>
        <translation>Lernrate des Generators (Adam)</translation>
    </message>
    <message>
        <source>learning-rate schedule: step (x0.1 at 1/4, 1/2 and 3/4 of the epochs, as GDFQ) or cosine (to 0, per iteration)</source>
        <translation>Lernraten-Zeitplan: step (×0,1 bei 1/4, 1/2 und 3/4 der Epochen, wie GDFQ) oder cosine (bis 0, je Iteration)</translation>
    </message>
    <message>
        <source>student weight decay</source>
        <translation>Gewichtsabnahme (weight decay) des Schülers</translation>
    </message>
    <message>
        <source>test samples evaluated at each epoch end (0 = all)</source>
        <translation>Testbeispiele, die am Ende jeder Epoche ausgewertet werden (0 = alle)</translation>
    </message>
    <message>
        <source>iterations between synthetic-image events</source>
        <translation>Iterationen zwischen zwei Ereignissen mit synthetischen Bildern</translation>
    </message>
    <message>
        <source>run checkpoint to resume from</source>
        <translation>Lauf-Checkpoint, von dem aus fortgesetzt wird</translation>
    </message>
    <message>
        <source>after training, write this many synthetic PNGs per class to OUTPUT/synthetic (0 = none)</source>
        <translation>nach dem Training so viele synthetische PNGs je Klasse nach OUTPUT/synthetic schreiben (0 = keine)</translation>
    </message>
    <message>
        <source>weight of the BN-statistics loss</source>
        <translation>Gewicht des BN-Statistik-Verlusts</translation>
    </message>
    <message>
        <source>KD temperature (GDFQ, ClusterQ)</source>
        <translation>KD-Temperatur (GDFQ, ClusterQ)</translation>
    </message>
    <message>
        <source>weight of the class-cluster alignment loss</source>
        <translation>Gewicht des Verlusts für die Ausrichtung an Klassen-Clustern</translation>
    </message>
    <message>
        <source>epoch from which the cluster loss is on</source>
        <translation>Epoche, ab der der Cluster-Verlust wirkt</translation>
    </message>
    <message>
        <source>EMA decay of the class centroids</source>
        <translation>EMA-Abklingrate der Klassen-Schwerpunkte</translation>
    </message>
    <message>
        <source>EMA-updated centroids (off: replaced each epoch)</source>
        <translation>per EMA nachgeführte Schwerpunkte (aus: in jeder Epoche ersetzt)</translation>
    </message>
    <message>
        <source>Gaussian perturbation of the targets (relative)</source>
        <translation>gaußsche Störung der Zielwerte (relativ)</translation>
    </message>
    <message>
        <source>intra-class diversity term</source>
        <translation>Term für Vielfalt innerhalb der Klassen</translation>
    </message>
    <message>
        <source>probability of crop+flip of synthetic images for the student</source>
        <translation>Wahrscheinlichkeit von Zuschnitt und Spiegelung synthetischer Bilder für den Schüler</translation>
    </message>
    <message>
        <source>smallest area fraction of the random resized crop</source>
        <translation>kleinster Flächenanteil des zufälligen skalierten Zuschnitts</translation>
    </message>
    <message>
        <source>large-kernel attention in the generator</source>
        <translation>Large-Kernel-Attention im Generator</translation>
    </message>
    <message>
        <source>Adversarial Margin Add loss</source>
        <translation>Verlust Adversarial Margin Add</translation>
    </message>
    <message>
        <source>weight of the AMA loss</source>
        <translation>Gewicht des AMA-Verlusts</translation>
    </message>
    <message>
        <source>AMA logit scale s</source>
        <translation>AMA-Logit-Skala s</translation>
    </message>
    <message>
        <source>AMA angular margin m (radians)</source>
        <translation>AMA-Winkelrand m (Bogenmaß)</translation>
    </message>
    <message>
        <source>decoupled knowledge distillation (off: GDFQ KD)</source>
        <translation>entkoppelte Wissensdestillation (aus: KD wie GDFQ)</translation>
    </message>
    <message>
        <source>DKD target-class weight</source>
        <translation>DKD-Gewicht der Zielklasse</translation>
    </message>
    <message>
        <source>DKD non-target-class weight</source>
        <translation>DKD-Gewicht der Nicht-Zielklassen</translation>
    </message>
    <message>
        <source>DKD temperature</source>
        <translation>DKD-Temperatur</translation>
    </message>
    <message>
        <source>epochs of linear DKD weight warm-up</source>
        <translation>Epochen, über die das DKD-Gewicht linear ansteigt</translation>
    </message>
    <message>
        <source>architecture when it cannot be detected from the file (resnet18/34/50/101, mobilenet_v2, mobilenet_v3_large, vgg16_bn, resnet20/56/110, fmnist)</source>
        <translation>Architektur, falls sie sich nicht aus der Datei erkennen lässt (resnet18/34/50/101, mobilenet_v2, mobilenet_v3_large, vgg16_bn, resnet20/56/110, fmnist)</translation>
    </message>
    <message>
        <source>preprocessing JSON to use instead of the sidecar beside the model (MODEL.json)</source>
        <translation>Vorverarbeitungs-JSON anstelle der Begleitdatei neben dem Modell (MODEL.json)</translation>
    </message>
    <message>
        <source>input size in pixels (-1 = the model&apos;s own; 0 = the data&apos;s size, for fully convolutional models)</source>
        <translation>Eingabegröße in Pixeln (-1 = die des Modells; 0 = die Größe der Daten, für vollständig faltende Modelle)</translation>
    </message>
    <message>
        <source>how data of another size becomes the input: none, resize (whole image), resize_crop (shorter side, then centre crop); model = the model&apos;s own</source>
        <translation>wie Daten anderer Größe zur Eingabe werden: none, resize (ganzes Bild), resize_crop (kürzere Seite, dann mittiger Zuschnitt); model = wie beim Modell</translation>
    </message>
    <message>
        <source>resize_crop: shorter side before the centre crop (0 = the model&apos;s own, or input_size / 0.875)</source>
        <translation>resize_crop: kürzere Seite vor dem mittigen Zuschnitt (0 = die des Modells, oder input_size / 0,875)</translation>
    </message>
    <message>
        <source>per-channel mean of the normalisation (empty = the model&apos;s own)</source>
        <translation>Mittelwert der Normalisierung je Kanal (leer = der des Modells)</translation>
    </message>
    <message>
        <source>per-channel std of the normalisation (empty = the model&apos;s own)</source>
        <translation>Standardabweichung der Normalisierung je Kanal (leer = die des Modells)</translation>
    </message>
    <message>
        <source>class names: a text file with one per line, or a comma-separated list (empty = the model&apos;s own)</source>
        <translation>Klassennamen: eine Textdatei mit einem pro Zeile oder eine kommagetrennte Liste (leer = die des Modells)</translation>
    </message>
    <message>
        <source>calibration data: method = the method&apos;s own (ZeroQ&apos;s distilled images, the generator&apos;s samples); real = real training images (the ceiling, not zero-shot)</source>
        <translation>Kalibrierdaten: method = die der Methode (die destillierten Bilder von ZeroQ, die Stichproben des Generators); real = echte Trainingsbilder (die Obergrenze, nicht zero-shot)</translation>
    </message>
    <message>
        <source>calibration images</source>
        <translation>Kalibrierbilder</translation>
    </message>
    <message>
        <source>weight of the rounding regulariser</source>
        <translation>Gewicht des Rundungsregularisierers</translation>
    </message>
    <message>
        <source>norm of the range search (2.4 as GENIE)</source>
        <translation>Norm der Bereichssuche (2,4 wie GENIE)</translation>
    </message>
    <message>
        <source>calibration images from a file (a run&apos;s OUTPUT/calibration.pt) instead of the source</source>
        <translation>Kalibrierbilder aus einer Datei (OUTPUT/calibration.pt eines Laufs) statt aus der Quelle</translation>
    </message>
    <message>
        <source>schedule profile: quick (2-core CPU), classroom (a 1-minute run with frequent images, for demos), paper (published schedules), custom</source>
        <translation>Ablaufprofil: quick (2-Kern-CPU), classroom (ein Lauf von etwa einer Minute mit häufigen Bildern, für Vorführungen), paper (veröffentlichte Abläufe), custom</translation>
    </message>
    <message>
        <source>local processes that split each batch (zsq quantize --nproc; threads per process = cores / processes)</source>
        <translation>lokale Prozesse, die jeden Batch aufteilen (zsq quantize --nproc; Threads je Prozess = Kerne / Prozesse)</translation>
    </message>
    <message>
        <source>collective backend of a data-parallel run: auto = Gloo on CPU, NCCL on CUDA</source>
        <translation>Kommunikations-Backend eines datenparallelen Laufs: auto = Gloo auf der CPU, NCCL auf CUDA</translation>
    </message>
    <message>
        <source>seconds a data-parallel rank waits for the others (rendezvous, collectives) before failing</source>
        <translation>Sekunden, die ein datenparalleler Rang auf die anderen wartet (Rendezvous, kollektive Operationen), bevor er scheitert</translation>
    </message>
    <message>
        <source>after the method: ranges = weight and activation ranges by Lp error search; adaround = that, then every layer&apos;s rounding learned on calibration data; brecq = ranges, then each block&apos;s rounding and activation ranges learned together</source>
        <translation>nach der Methode: ranges = Gewichts- und Aktivierungsbereiche per Lp-Fehlersuche; adaround = dazu die Rundung jeder Schicht auf Kalibrierdaten gelernt; brecq = Bereichssuche, dann Rundung und Aktivierungsbereiche jedes Blocks gemeinsam gelernt</translation>
    </message>
    <message>
        <source>AdaRound steps per layer (brecq: per block)</source>
        <translation>AdaRound-Schritte pro Schicht (brecq: pro Block)</translation>
    </message>
    <message>
        <source>calibration images per refinement step</source>
        <translation>Kalibrierbilder pro Verfeinerungsschritt</translation>
    </message>
    <message>
        <source>Adam learning rate of the rounding variables (0: round to nearest)</source>
        <translation>Adam-Lernrate der Rundungsvariablen (0: auf den nächsten Wert runden)</translation>
    </message>
    <message>
        <source>brecq: Adam learning rate of the activation ranges (LSQ+; 0: keep the searched ranges)</source>
        <translation>brecq: Adam-Lernrate der Aktivierungsbereiche (LSQ+; 0: gesuchte Bereiche behalten)</translation>
    </message>
    <message>
        <source>QDrop: probability that an activation element stays float while refining (0 = off; -1: 0.5 for brecq, 0 for adaround)</source>
        <translation>QDrop: Wahrscheinlichkeit, dass ein Aktivierungselement beim Verfeinern in Gleitkomma bleibt (0 = aus; -1: 0,5 für brecq, 0 für adaround)</translation>
    </message>
    <message>
        <source>GENIE: distilled images (the calibration set of the refinement)</source>
        <translation>GENIE: destillierte Bilder (die Kalibrierungsmenge der Verfeinerung)</translation>
    </message>
    <message>
        <source>GENIE: images per batch (each batch has its own generator and latent vectors)</source>
        <translation>GENIE: Bilder je Stapel (jeder Stapel hat seinen eigenen Generator und eigene latente Vektoren)</translation>
    </message>
    <message>
        <source>GENIE: optimisation steps per batch</source>
        <translation>GENIE: Optimierungsschritte je Stapel</translation>
    </message>
    <message>
        <source>GENIE: Adam learning rate of the latent vectors</source>
        <translation>GENIE: Adam-Lernrate der latenten Vektoren</translation>
    </message>
    <message>
        <source>GENIE: Adam learning rate of the generator</source>
        <translation>GENIE: Adam-Lernrate des Generators</translation>
    </message>
    <message>
        <source>GENIE: swing convolution, pixels by which a strided convolution&apos;s input is shifted at random while distilling (0 = off)</source>
        <translation>GENIE: Swing-Faltung, um wie viele Pixel die Eingabe einer Faltung mit Schrittweite &gt; 1 beim Destillieren zufällig verschoben wird (0 = aus)</translation>
    </message>
    <message>
        <source>brecq: Adam learning rate of each weight channel&apos;s step size (GENIE-M; 0: keep the searched ranges)</source>
        <translation>brecq: Adam-Lernrate der Schrittweite jedes Gewichtskanals (GENIE-M; 0: die gesuchten Bereiche behalten)</translation>
    </message>
    <message>
        <source>weights the refinement starts from: the method&apos;s student, or the float teacher&apos;s (the method then gives only its calibration images)</source>
        <translation>Gewichte, von denen die Verfeinerung ausgeht: der Student der Methode oder die des Float-Lehrers (die Methode liefert dann nur ihre Kalibrierbilder)</translation>
    </message>
    <message>
        <source>how weight and activation ranges start before the refinement: lp = the clipping with the least Lp error; percentile = clipped at refine.percentile; minmax = the raw extremes</source>
        <translation>wie Gewichts- und Aktivierungsbereiche vor der Verfeinerung beginnen: lp = die Begrenzung mit dem kleinsten Lp-Fehler; percentile = begrenzt bei refine.percentile; minmax = die rohen Extremwerte</translation>
    </message>
    <message>
        <source>range_init percentile: the percentile (and 100 minus it) where ranges are clipped</source>
        <translation>range_init percentile: das Perzentil (und 100 minus dieses), bei dem Bereiche begrenzt werden</translation>
    </message>
    <message>
        <source>per-quantizer range_init overrides, &apos;name:init;name:init&apos; (weight layer or activation quantizer names, as zsq info --layers lists them)</source>
        <translation>range_init je Quantisierer überschreiben, &apos;name:init;name:init&apos; (Namen von Gewichtsschichten oder Aktivierungsquantisierern, wie zsq info --layers sie auflistet)</translation>
    </message>
    <message>
        <source>GENIE/BRECQ protocol: the first and last layer&apos;s weights and the last layer&apos;s input activations at this width (0 = every layer at wbits/abits, as GDFQ)</source>
        <translation>GENIE/BRECQ-Protokoll: Gewichte der ersten und letzten Schicht und die Eingangsaktivierungen der letzten Schicht mit dieser Breite (0 = jede Schicht mit wbits/abits, wie GDFQ)</translation>
    </message>
</context>
<context>
    <name>zsq::ui::PreprocessingEditor</name>
    <message>
        <source>Config key: %1</source>
        <translation>Konfigurationsschlüssel: %1</translation>
    </message>
    <message>
        <source>Preprocessing</source>
        <translation>Vorverarbeitung</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>None: the data&apos;s own size</source>
        <translation>Keine: die eigene Größe der Daten</translation>
    </message>
    <message>
        <source>Resize to the input size</source>
        <translation>Auf die Eingabegröße skalieren</translation>
    </message>
    <message>
        <source>Resize, then centre crop</source>
        <translation>Skalieren, dann mittig zuschneiden</translation>
    </message>
    <message>
        <source>One number per channel, separated by commas, or one for all.</source>
        <translation>Eine Zahl je Kanal, durch Kommas getrennt, oder eine für alle.</translation>
    </message>
    <message>
        <source>Check on Dataset</source>
        <translation>Am Datensatz prüfen</translation>
    </message>
    <message>
        <source>Measure the full-precision model&apos;s top-1 on the first 500 images of the Run panel&apos;s dataset with this preprocessing. Near chance means the preprocessing is almost certainly not the one the model was trained with.</source>
        <translation>Misst das Top-1 des Modells in voller Genauigkeit auf den ersten 500 Bildern des Datensatzes aus dem Laufbereich mit dieser Vorverarbeitung. Nahe am Zufall heißt: Die Vorverarbeitung ist fast sicher nicht die, mit der das Modell trainiert wurde.</translation>
    </message>
    <message>
        <source>&amp;Input size:</source>
        <translation>&amp;Eingabegröße:</translation>
    </message>
    <message>
        <source>&amp;Resize:</source>
        <translation>&amp;Skalierung:</translation>
    </message>
    <message>
        <source>Resize si&amp;ze:</source>
        <translation>Skalierungs&amp;größe:</translation>
    </message>
    <message>
        <source>&amp;Mean:</source>
        <translation>&amp;Mittelwert:</translation>
    </message>
    <message>
        <source>S&amp;td:</source>
        <translation>Standard&amp;abweichung:</translation>
    </message>
    <message>
        <source>C&amp;lass names:</source>
        <translation>&amp;Klassennamen:</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>In Gebrauch: %1</translation>
    </message>
    <message>
        <source>Where the values come from: %1</source>
        <translation>Herkunft der Werte: %1</translation>
    </message>
    <message>
        <source>⚠ %1 does not say how its inputs were normalised: the mean and std in use are the defaults of %2, a guess. If the model was trained with others, enter them here (or put a %3 beside the model): every accuracy and every synthetic image depends on them.</source>
        <translation>⚠ %1 sagt nicht, wie seine Eingaben normalisiert wurden: Mittelwert und Standardabweichung in Gebrauch sind die Vorgaben von %2, eine Annahme. Wurde das Modell mit anderen trainiert, hier eintragen (oder eine %3 neben das Modell legen): Jede Genauigkeit und jedes synthetische Bild hängt davon ab.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Model&apos;s</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Model&apos;s: %1 px</source>
        <translation>Modell: %1 px</translation>
    </message>
    <message>
        <source>Model&apos;s: the data&apos;s size</source>
        <translation>Modell: Datengröße</translation>
    </message>
    <message>
        <source>Model&apos;s: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>none: class numbers</source>
        <translation>keine: Klassennummern</translation>
    </message>
    <message>
        <source>These settings do not fit the model: %1</source>
        <translation>Diese Einstellungen passen nicht zum Modell: %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>⚠ Full-precision top-1 on the first %1 images of %2: %3 %, near chance (%4 %). The preprocessing is almost certainly not the one the model was trained with.</source>
        <translation>⚠ Top-1 in voller Genauigkeit auf den ersten %1 Bildern von %2: %3 %, nahe am Zufall (%4 %). Die Vorverarbeitung ist fast sicher nicht die, mit der das Modell trainiert wurde.</translation>
    </message>
    <message>
        <source>Full-precision top-1 on the first %1 images of %2: %3 %.</source>
        <translation>Top-1 in voller Genauigkeit auf den ersten %1 Bildern von %2: %3 %.</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ProcessRun</name>
    <message>
        <source>A run is already going.</source>
        <translation>Es läuft bereits ein Lauf.</translation>
    </message>
    <message>
        <source>A run with %1 processes needs the command-line program zsq, which is not at %2. Install it next to ZSQ Studio (or name it in the ZSQ_CLI environment variable), or choose 1 process.</source>
        <translation>Ein Lauf mit %1 Prozessen braucht das Kommandozeilenprogramm zsq, das nicht unter %2 liegt. Installieren Sie es neben ZSQ Studio (oder nennen Sie es in der Umgebungsvariablen ZSQ_CLI), oder wählen Sie 1 Prozess.</translation>
    </message>
    <message>
        <source>Cannot write the run&apos;s settings to %1: %2</source>
        <translation>Die Einstellungen des Laufs lassen sich nicht nach %1 schreiben: %2</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>%1 lässt sich nicht starten: %2</translation>
    </message>
    <message>
        <source>zsq quantize ended abnormally (%1).</source>
        <translation>zsq quantize wurde abnormal beendet (%1).</translation>
    </message>
    <message>
        <source>zsq quantize ended with exit code %1.</source>
        <translation>zsq quantize endete mit dem Exit-Code %1.</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ResultsView</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>ZSQ Studio results</source>
        <translation>ZSQ-Studio-Ergebnisse</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>W/A bits</source>
        <translation>W/A-Bits</translation>
    </message>
    <message>
        <source>Avg. weight bits</source>
        <translation>Mittl. Gewichtsbits</translation>
    </message>
    <message>
        <source>Size (KiB)</source>
        <translation>Größe (KiB)</translation>
    </message>
    <message>
        <source>FP top-1 (%)</source>
        <translation>FP-Top-1 (%)</translation>
    </message>
    <message>
        <source>Quantized top-1 (%)</source>
        <translation>Quantisiert Top-1 (%)</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Select two or more rows (Ctrl+click) to overlay their curves.</source>
        <translation>Zwei oder mehr Zeilen auswählen (Strg+Klick), um ihre Kurven übereinanderzulegen.</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Remove the selected runs from the session; their folders stay on disk</source>
        <translation>Die ausgewählten Läufe aus der Sitzung entfernen; ihre Ordner bleiben erhalten</translation>
    </message>
    <message>
        <source> (stopped)</source>
        <translation> (gestoppt)</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Loss and top-1 of every run</source>
        <translation>Verlust und Top-1 jedes Laufs</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Export Results as CSV</source>
        <translation>Ergebnisse als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export Results as HTML</source>
        <translation>Ergebnisse als HTML exportieren</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML-Dateien (*.html)</translation>
    </message>
    <message>
        <source>E&amp;xport HTML Report…</source>
        <translation>HTML-Bericht e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Remove from L&amp;ist</source>
        <translation>A&amp;us Liste entfernen</translation>
    </message>
    <message>
        <source>Export &amp;Model…</source>
        <translation>&amp;Modell exportieren…</translation>
    </message>
    <message>
        <source>Write the selected run&apos;s quantized model as ONNX (QDQ) or TorchScript, to run it in ONNX Runtime or PyTorch</source>
        <translation>Das quantisierte Modell des gewählten Laufs als ONNX (QDQ) oder TorchScript schreiben, um es in ONNX Runtime oder PyTorch auszuführen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source> (real data)</source>
        <translation> (echte Daten)</translation>
    </message>
    <message>
        <source>Re&amp;fine…</source>
        <translation>&amp;Verfeinern…</translation>
    </message>
    <message>
        <source>Refine the selected run&apos;s student (ranges, AdaRound, BRECQ) without training again; the result is a new run</source>
        <translation>Den Schüler des gewählten Laufs verfeinern (ranges, AdaRound, BRECQ), ohne erneut zu trainieren; das Ergebnis ist ein neuer Lauf</translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunAnalysisReport</name>
    <message>
        <source>Per-layer analysis</source>
        <translation>Analyse je Schicht</translation>
    </message>
    <message>
        <source>%1 layers, measured on %2.</source>
        <translation>%1 Schichten, gemessen auf %2.</translation>
    </message>
    <message>
        <source>Accuracy with only this layer quantized</source>
        <translation>Genauigkeit, wenn nur diese Schicht quantisiert ist</translation>
    </message>
    <message>
        <source>Accuracy with this layer and all before it quantized</source>
        <translation>Genauigkeit, wenn diese Schicht und alle davor quantisiert sind</translation>
    </message>
    <message>
        <source>SQNR of each layer&apos;s output in the fully quantized model</source>
        <translation>SQNR der Ausgabe jeder Schicht im vollständig quantisierten Modell</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>W bits</source>
        <translation>W-Bits</translation>
    </message>
    <message>
        <source>Single (%)</source>
        <translation>Einzeln (%)</translation>
    </message>
    <message>
        <source>Cumulative (%)</source>
        <translation>Kumulativ (%)</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message numerus="yes">
        <source>t-SNE of the student&apos;s penultimate features (%n point(s))</source>
        <translation>
            <numerusform>t-SNE der vorletzten Merkmale des Schülers (%n Punkt)</numerusform>
            <numerusform>t-SNE der vorletzten Merkmale des Schülers (%n Punkte)</numerusform>
        </translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>Analyses of %1 (%2 W%3A%4)</source>
        <translation>Analysen von %1 (%2 W%3A%4)</translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunChooser</name>
    <message>
        <source>Look again at the curves and images of a finished run of this session</source>
        <translation>Kurven und Bilder eines abgeschlossenen Laufs dieser Sitzung erneut ansehen</translation>
    </message>
    <message>
        <source>Sho&amp;wn run:</source>
        <translation>&amp;Gezeigter Lauf:</translation>
    </message>
    <message>
        <source>the run in progress</source>
        <translation>der laufende Lauf</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunController</name>
    <message>
        <source>Started %1 processes (zsq quantize --nproc %1); the progress shown is rank 0&apos;s, over the global batch.</source>
        <translation>%1 Prozesse gestartet (zsq quantize --nproc %1); der angezeigte Fortschritt ist der von Rang 0, über den ganzen Batch.</translation>
    </message>
    <message>
        <source>zsq quantize ended without a result.</source>
        <translation>zsq quantize endete ohne Ergebnis.</translation>
    </message>
    <message>
        <source>%1 · rank 0 of %2</source>
        <translation>%1 · Rang 0 von %2</translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunCurves</name>
    <message>
        <source>Iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Top-1 (%)</source>
        <translation>Top-1 (%)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunPanel</name>
    <message>
        <source>LRQ: a long-range generator (large-kernel attention), Adversarial Margin Add and decoupled distillation.</source>
        <translation>LRQ: ein Generator mit großer Reichweite (Large-Kernel-Attention), Adversarial Margin Add und entkoppelte Destillation.</translation>
    </message>
    <message>
        <source>ClusterQ: aligns synthetic features with per-class clusters of BatchNorm statistics, with EMA centroids and a diversity term.</source>
        <translation>ClusterQ: richtet synthetische Merkmale an klassenweisen Clustern der BatchNorm-Statistiken aus, mit EMA-Zentren und einem Diversitätsterm.</translation>
    </message>
    <message>
        <source>GDFQ: a class-conditional generator matched to the BatchNorm statistics; the common baseline.</source>
        <translation>GDFQ: ein klassenbedingter Generator, angepasst an die BatchNorm-Statistiken; die gemeinsame Basis.</translation>
    </message>
    <message>
        <source>ZeroQ-style PTQ: distils one batch from the BatchNorm statistics and calibrates; no fine-tuning (the floor).</source>
        <translation>PTQ nach ZeroQ: destilliert einen Stapel aus den BatchNorm-Statistiken und kalibriert; kein Feintuning (die Untergrenze).</translation>
    </message>
    <message>
        <source>Real data: the same fine-tuning on the real training set. The ceiling, not zero-shot.</source>
        <translation>Echte Daten: dasselbe Feintuning auf dem echten Trainingsdatensatz. Die Obergrenze, nicht Zero-Shot.</translation>
    </message>
    <message>
        <source>LRQ</source>
        <translation>LRQ</translation>
    </message>
    <message>
        <source>ClusterQ</source>
        <translation>ClusterQ</translation>
    </message>
    <message>
        <source>GDFQ</source>
        <translation>GDFQ</translation>
    </message>
    <message>
        <source>PTQ (ZeroQ)</source>
        <translation>PTQ (ZeroQ)</translation>
    </message>
    <message>
        <source>Real-data ceiling</source>
        <translation>Obergrenze mit echten Daten</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <source>Weight bit width</source>
        <translation>Bitbreite der Gewichte</translation>
    </message>
    <message>
        <source>Activation bit width</source>
        <translation>Bitbreite der Aktivierungen</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>&amp;Bits:</source>
        <translation>&amp;Bits:</translation>
    </message>
    <message>
        <source>Quick (minutes on a laptop CPU)</source>
        <translation>Schnell (Minuten auf einer Laptop-CPU)</translation>
    </message>
    <message>
        <source>Paper (the published schedules)</source>
        <translation>Paper (die veröffentlichten Pläne)</translation>
    </message>
    <message>
        <source>Custom (advanced values only)</source>
        <translation>Eigene (nur erweiterte Werte)</translation>
    </message>
    <message>
        <source>The profile fills the training schedule; values you change under Advanced win</source>
        <translation>Das Profil füllt den Trainingsplan; unter „Erweitert“ geänderte Werte haben Vorrang</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Random seed: CPU runs with the same seed repeat exactly</source>
        <translation>Zufallsstartwert: CPU-Läufe mit gleichem Startwert wiederholen sich exakt</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>Start&amp;wert:</translation>
    </message>
    <message>
        <source>auto, cpu, cuda or cuda:N</source>
        <translation>auto, cpu, cuda oder cuda:N</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>Evaluation dataset: a name, a folder, or none (quantize without any data)</source>
        <translation>Auswertungsdatensatz: ein Name, ein Ordner oder none (Quantisierung ganz ohne Daten)</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose a dataset folder</source>
        <translation>Einen Datensatzordner wählen</translation>
    </message>
    <message>
        <source>D&amp;ataset:</source>
        <translation>D&amp;atensatz:</translation>
    </message>
    <message>
        <source>new folder in %1</source>
        <translation>neuer Ordner in %1</translation>
    </message>
    <message>
        <source>Output folder for quantized.zsq, quant_params.json, result.json and run.ckpt</source>
        <translation>Ausgabeordner für quantized.zsq, quant_params.json, result.json und run.ckpt</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Den Ausgabeordner wählen</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>&amp;Ausgabe:</translation>
    </message>
    <message>
        <source>Ad&amp;vanced hyperparameters</source>
        <translation>&amp;Erweiterte Hyperparameter</translation>
    </message>
    <message>
        <source>No data at all: the accuracy is not measured.</source>
        <translation>Gar keine Daten: die Genauigkeit wird nicht gemessen.</translation>
    </message>
    <message>
        <source>Folder of IDX files, CIFAR batches or class sub-folders.</source>
        <translation>Ordner mit IDX-Dateien, CIFAR-Stapeln oder Klassen-Unterordnern.</translation>
    </message>
    <message>
        <source>Folder not found.</source>
        <translation>Ordner nicht gefunden.</translation>
    </message>
    <message>
        <source>Not installed (for Fashion-MNIST: apt install dataset-fashion-mnist).</source>
        <translation>Nicht installiert (für Fashion-MNIST: apt install dataset-fashion-mnist).</translation>
    </message>
    <message>
        <source>Found in %1</source>
        <translation>Gefunden in %1</translation>
    </message>
    <message>
        <source>Dataset Folder</source>
        <translation>Datensatzordner</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>Classroom (half a minute, frequent images)</source>
        <translation>Unterricht (eine halbe Minute, häufige Bilder)</translation>
    </message>
    <message>
        <source>GENIE: distils images with a small generator and learnable latents per batch (BatchNorm statistics, swing convolution), then refines block by block (BRECQ); no fine-tuning.</source>
        <translation>GENIE: destilliert Bilder mit einem kleinen Generator und lernbaren Latents je Batch (BatchNorm-Statistiken, Swing-Faltung) und verfeinert dann Block für Block (BRECQ); kein Feintuning.</translation>
    </message>
    <message>
        <source>GENIE</source>
        <translation>GENIE</translation>
    </message>
    <message>
        <source>P&amp;rocesses:</source>
        <translation>Pro&amp;zesse:</translation>
    </message>
    <message>
        <source>One process: the run goes on inside ZSQ Studio.</source>
        <translation>Ein Prozess: Der Lauf läuft in ZSQ Studio selbst.</translation>
    </message>
    <message>
        <source>%1 processes of zsq, %2 threads each; every batch is split between them. The progress shown is rank 0&apos;s, over the whole batch. Pause is not available.</source>
        <translation>%1 Prozesse von zsq mit je %2 Threads; jeder Batch wird zwischen ihnen aufgeteilt. Der angezeigte Fortschritt ist der von Rang 0, über den ganzen Batch. Pausieren ist nicht möglich.</translation>
    </message>
    <message>
        <source>On CUDA, process r uses GPU r.</source>
        <translation>Mit CUDA nutzt Prozess r die GPU r.</translation>
    </message>
    <message>
        <source>%1 distils on rank 0 alone: more processes do not make it faster.</source>
        <translation>%1 destilliert nur auf Rang 0: Mehr Prozesse machen es nicht schneller.</translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunQueue</name>
    <message>
        <source>a new batch was queued</source>
        <translation>eine neue Reihe von Läufen wurde eingeplant</translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunStatus</name>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>%1 it/s</source>
        <translation>%1 it/s</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>noch %1</translation>
    </message>
</context>
<context>
    <name>zsq::ui::Session</name>
    <message>
        <source>not a ZSQ Studio session file</source>
        <translation>keine Sitzungsdatei von ZSQ Studio</translation>
    </message>
    <message>
        <source>the session was written by a newer ZSQ Studio</source>
        <translation>die Sitzung wurde von einer neueren Version von ZSQ Studio geschrieben</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>zsq::ui::SessionRun</name>
    <message>
        <source> (first/last layer %1-bit)</source>
        <translation> (erste/letzte Schicht %1 Bit)</translation>
    </message>
    <message>
        <source>accuracy not measured (no dataset)</source>
        <translation>Genauigkeit nicht gemessen (kein Datensatz)</translation>
    </message>
    <message>
        <source>accuracy not measured (stopped during the final evaluation)</source>
        <translation>Genauigkeit nicht gemessen (während der abschließenden Auswertung gestoppt)</translation>
    </message>
    <message>
        <source>accuracy not measured</source>
        <translation>Genauigkeit nicht gemessen</translation>
    </message>
</context>
<context>
    <name>zsq::ui::TsnePlot</name>
    <message>
        <source>Point %1</source>
        <translation>Punkt %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>zsq::ui::TsneView</name>
    <message>
        <source>Plot</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>&lt;p&gt;t-SNE places every sample as a point so that samples that are neighbours in the model&apos;s feature space (the layer before the classifier) stay neighbours in the plane. One tight cluster per class means the model separates the classes well; the distances between clusters and their sizes mean little.&lt;/p&gt;&lt;p&gt;Synthetic samples (open markers) that fall inside the real clusters of their class look like real data to the model: they make good calibration and fine-tuning data. Synthetic clusters away from all real ones are shortcuts that satisfy the model but that real images never show.&lt;/p&gt;&lt;p&gt;The &lt;b&gt;intra-class angle&lt;/b&gt; is the mean angle between a sample&apos;s features and its class mean: a small angle is a compact class. LRQ&apos;s Adversarial Margin Add (AMA) with its negative margin lets synthetic samples stay further from the class centre, so a larger angle on a synthetic set means more diverse samples. The &lt;b&gt;silhouette&lt;/b&gt; is +1 for well separated classes and 0 for overlapping ones; &lt;b&gt;10-NN class agreement&lt;/b&gt; is the share of a point&apos;s ten nearest neighbours that have its class, &lt;b&gt;preservation&lt;/b&gt; the share of its neighbours that t-SNE kept.&lt;/p&gt;</source>
        <translation>&lt;p&gt;t-SNE stellt jede Stichprobe als Punkt dar, sodass Stichproben, die im Merkmalsraum des Modells (der Schicht vor dem Klassifikator) benachbart sind, auch in der Ebene benachbart bleiben. Ein enger Cluster je Klasse bedeutet, dass das Modell die Klassen gut trennt; die Abstände zwischen den Clustern und ihre Größen sagen wenig aus.&lt;/p&gt;&lt;p&gt;Synthetische Stichproben (offene Marker), die in den echten Clustern ihrer Klasse liegen, sehen für das Modell wie echte Daten aus: Sie sind gute Kalibrier- und Feintuning-Daten. Synthetische Cluster abseits aller echten sind Abkürzungen, die das Modell zufriedenstellen, die echte Bilder aber nie zeigen.&lt;/p&gt;&lt;p&gt;Der &lt;b&gt;Winkel innerhalb der Klasse&lt;/b&gt; ist der mittlere Winkel zwischen den Merkmalen einer Stichprobe und dem Mittel ihrer Klasse: Ein kleiner Winkel bedeutet eine kompakte Klasse. LRQs Adversarial Margin Add (AMA) mit seinem negativen Rand lässt synthetische Stichproben weiter vom Klassenzentrum entfernt bleiben; ein größerer Winkel bei einem synthetischen Satz bedeutet also vielfältigere Stichproben. Die &lt;b&gt;Silhouette&lt;/b&gt; ist +1 für gut getrennte und 0 für überlappende Klassen; die &lt;b&gt;10-NN-Klassenübereinstimmung&lt;/b&gt; ist der Anteil der zehn nächsten Nachbarn eines Punkts, die seine Klasse haben, die &lt;b&gt;Erhaltung&lt;/b&gt; der Anteil seiner Nachbarn, die t-SNE beibehalten hat.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The figures appear here when the embedding has finished.</source>
        <translation>Die Kennzahlen erscheinen hier, sobald die Einbettung fertig ist.</translation>
    </message>
    <message>
        <source>Iteration %1 of %2, KL %3</source>
        <translation>Iteration %1 von %2, KL %3</translation>
    </message>
    <message>
        <source>Iteration %1 of %2</source>
        <translation>Iteration %1 von %2</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Open model (full precision)</source>
        <translation>Geöffnetes Modell (volle Genauigkeit)</translation>
    </message>
    <message>
        <source>Whose features are embedded: the open model&apos;s, or a quantized student&apos;s</source>
        <translation>Wessen Merkmale eingebettet werden: die des geöffneten Modells oder die eines quantisierten Schülers</translation>
    </message>
    <message>
        <source>Real evaluation data</source>
        <translation>Echte Auswertungsdaten</translation>
    </message>
    <message>
        <source>Test samples of the Run panel&apos;s dataset</source>
        <translation>Test-Stichproben aus dem Datensatz des Laufbereichs</translation>
    </message>
    <message>
        <source>The first N test samples</source>
        <translation>Die ersten N Test-Stichproben</translation>
    </message>
    <message>
        <source>Folders of synthetic images in class sub-folders; a finished run&apos;s export (export.synthetic_per_class) is added here</source>
        <translation>Ordner synthetischer Bilder in Klassen-Unterordnern; der Export eines abgeschlossenen Laufs (export.synthetic_per_class) wird hier hinzugefügt</translation>
    </message>
    <message>
        <source>Synthetic sets:</source>
        <translation>Synthetische Sätze:</translation>
    </message>
    <message>
        <source>Roughly the number of neighbours each point keeps close (5 to 50)</source>
        <translation>Ungefähr die Zahl der Nachbarn, die jeder Punkt nahe behält (5 bis 50)</translation>
    </message>
    <message>
        <source>Barnes-Hut accuracy: 0 is exact t-SNE (slow above a few thousand points)</source>
        <translation>Barnes-Hut-Genauigkeit: 0 ist exaktes t-SNE (langsam ab einigen tausend Punkten)</translation>
    </message>
    <message>
        <source>&amp;Iterations:</source>
        <translation>&amp;Iterationen:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>Sto&amp;ppen</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>Als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Writes tsne.csv (points) and tsne.json (figures) into a folder</source>
        <translation>Schreibt tsne.csv (Punkte) und tsne.json (Kennzahlen) in einen Ordner</translation>
    </message>
    <message>
        <source>%1 (quantized)</source>
        <translation>%1 (quantisiert)</translation>
    </message>
    <message>
        <source>Nothing to embed: tick the real data (with a dataset in the Run panel) or a synthetic set.</source>
        <translation>Nichts einzubetten: Wählen Sie die echten Daten (mit einem Datensatz im Laufbereich) oder einen synthetischen Satz.</translation>
    </message>
    <message>
        <source>Computing the features…</source>
        <translation>Berechne die Merkmale…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stoppe…</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n point(s).</source>
        <translation>
            <numerusform>Fertig: %n Punkt.</numerusform>
            <numerusform>Fertig: %n Punkte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Synthetic Images Folder</source>
        <translation>Ordner mit synthetischen Bildern</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Wrote tsne.csv and tsne.json to %1</source>
        <translation>tsne.csv und tsne.json nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Export t-SNE Plot</source>
        <translation>t-SNE-Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Export t-SNE Points</source>
        <translation>t-SNE-Punkte exportieren</translation>
    </message>
    <message>
        <source>Feat&amp;ures of:</source>
        <translation>Me&amp;rkmale von:</translation>
    </message>
    <message>
        <source>Sampl&amp;es:</source>
        <translation>Stichpr&amp;oben:</translation>
    </message>
    <message>
        <source>Add Fol&amp;der…</source>
        <translation>Or&amp;dner hinzufügen…</translation>
    </message>
    <message>
        <source>Perple&amp;xity:</source>
        <translation>Perple&amp;xität:</translation>
    </message>
    <message>
        <source>Thet&amp;a:</source>
        <translation>Thet&amp;a:</translation>
    </message>
    <message>
        <source>Kept in %1.</source>
        <translation>Abgelegt in %1.</translation>
    </message>
    <message>
        <source>Could not keep it with the run: %1</source>
        <translation>Konnte nicht beim Lauf abgelegt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>The embedding kept with %1 (%n point(s)): press Start to compute it again.</source>
        <translation>
            <numerusform>Die bei %1 abgelegte Einbettung (%n Punkt): Starten berechnet sie erneut.</numerusform>
            <numerusform>Die bei %1 abgelegte Einbettung (%n Punkte): Starten berechnet sie erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The folders of %1 are gone; Start leaves them out.</source>
        <translation>Die Ordner von %1 gibt es nicht mehr; Start lässt sie weg.</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ViewExplanations</name>
    <message>
        <source>&lt;p&gt;The layers of the open model, with the shape of its weights and its number of parameters. &lt;b&gt;Quantizable&lt;/b&gt; layers (convolutions and fully connected layers) get their weights rounded to 2&lt;sup&gt;b&lt;/sup&gt; levels per output channel, b being the weight bit width; BatchNorm layers stay in floating point. The output of every ReLU is quantized too (the activation bits).&lt;/p&gt;&lt;p&gt;At 4-bit weights the model takes one eighth of its 32-bit size. The BatchNorm statistics stored in the model (the mean and variance of each layer&apos;s inputs on the training data) are all that the zero-shot methods know of the data the model was trained on.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Schichten des geöffneten Modells mit der Form ihrer Gewichte und ihrer Parameterzahl. &lt;b&gt;Quantisierbare&lt;/b&gt; Schichten (Faltungen und vollständig verbundene Schichten) erhalten Gewichte, die auf 2&lt;sup&gt;b&lt;/sup&gt; Stufen je Ausgabekanal gerundet werden, b ist die Gewichts-Bitbreite; BatchNorm-Schichten bleiben in Gleitkomma. Auch die Ausgabe jeder ReLU wird quantisiert (die Aktivierungs-Bits).&lt;/p&gt;&lt;p&gt;Mit 4-Bit-Gewichten belegt das Modell ein Achtel seiner 32-Bit-Größe. Die im Modell gespeicherten BatchNorm-Statistiken (Mittelwert und Varianz der Eingaben jeder Schicht auf den Trainingsdaten) sind alles, was die Zero-Shot-Verfahren von den Daten wissen, mit denen das Modell trainiert wurde.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Two models learn at once. The &lt;b&gt;generator&lt;/b&gt; G (upper plot) learns to make images that the full-precision model recognises; the quantized &lt;b&gt;student&lt;/b&gt; (lower plot) learns on those images to answer like the full-precision model. No real image is used by either.&lt;/p&gt;&lt;p&gt;Generator losses: &lt;b&gt;CE&lt;/b&gt; is the full-precision model&apos;s cross-entropy on the class G was asked for. &lt;b&gt;BNS&lt;/b&gt; (BatchNorm statistics) is how far the mean and variance of each layer&apos;s inputs on the synthetic batch are from those the model stored during its training: it makes synthetic batches statistically like real ones. &lt;b&gt;AMA&lt;/b&gt; (LRQ&apos;s Adversarial Margin Add) is a cross-entropy on the angle between a sample&apos;s features and its class centre with a negative margin, which keeps samples of a class from collapsing onto one point. The &lt;b&gt;cluster&lt;/b&gt; loss (ClusterQ) pulls each class&apos;s BatchNorm statistics towards a running per-class centroid, with noise added to the targets so that a class stays varied.&lt;/p&gt;&lt;p&gt;Student losses: &lt;b&gt;KD&lt;/b&gt; (knowledge distillation) matches the student&apos;s softened outputs to the full-precision model&apos;s; &lt;b&gt;DKD&lt;/b&gt; (LRQ&apos;s decoupled KD) splits that into the target class (TCKD, weight α) and the other classes (NCKD, weight β), giving more weight to how the teacher ranks the wrong classes. During the warm-up epochs only G trains, and the activation ranges are measured in the first epochs and then frozen. The bottom plot gives the student&apos;s top-1 on the evaluation data after each epoch; that data is never used for training.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zwei Modelle lernen gleichzeitig. Der &lt;b&gt;Generator&lt;/b&gt; G (oberes Diagramm) lernt Bilder zu erzeugen, die das Modell in voller Genauigkeit erkennt; der quantisierte &lt;b&gt;Schüler&lt;/b&gt; (unteres Diagramm) lernt an diesen Bildern, so zu antworten wie das Modell in voller Genauigkeit. Keiner der beiden sieht ein echtes Bild.&lt;/p&gt;&lt;p&gt;Verluste des Generators: &lt;b&gt;CE&lt;/b&gt; ist die Kreuzentropie des Modells in voller Genauigkeit für die Klasse, die G erzeugen sollte. &lt;b&gt;BNS&lt;/b&gt; (BatchNorm-Statistiken) misst, wie weit Mittelwert und Varianz der Eingaben jeder Schicht auf dem synthetischen Batch von denen abweichen, die das Modell in seinem Training gespeichert hat: Er macht synthetische Batches statistisch echten ähnlich. &lt;b&gt;AMA&lt;/b&gt; (Adversarial Margin Add von LRQ) ist eine Kreuzentropie auf dem Winkel zwischen den Merkmalen einer Probe und ihrem Klassenzentrum mit negativem Rand; er verhindert, dass die Proben einer Klasse auf einen Punkt zusammenfallen. Der &lt;b&gt;Cluster&lt;/b&gt;-Verlust (ClusterQ) zieht die BatchNorm-Statistiken jeder Klasse zu einem laufend nachgeführten Klassen-Schwerpunkt; Rauschen auf den Zielwerten hält eine Klasse vielfältig.&lt;/p&gt;&lt;p&gt;Verluste des Schülers: &lt;b&gt;KD&lt;/b&gt; (Wissensdestillation) gleicht die geglätteten Ausgaben des Schülers denen des Modells in voller Genauigkeit an; &lt;b&gt;DKD&lt;/b&gt; (entkoppelte KD von LRQ) teilt das in die Zielklasse (TCKD, Gewicht α) und die übrigen Klassen (NCKD, Gewicht β) und gewichtet stärker, wie der Lehrer die falschen Klassen ordnet. In den Aufwärm-Epochen trainiert nur G, und die Aktivierungsbereiche werden in den ersten Epochen gemessen und dann eingefroren. Das untere Diagramm zeigt die Top-1-Genauigkeit des Schülers auf den Auswertungsdaten nach jeder Epoche; diese Daten werden nie zum Training verwendet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each row is a class, each column a sample the generator made for that class at the iteration shown. They are not meant to look like photographs: they are made to match what the model knows (its BatchNorm statistics and its classifier), and they only have to be good calibration and fine-tuning data for the quantized student.&lt;/p&gt;&lt;p&gt;At the start they are noise; as the BNS loss falls they take on the contrast and textures of real data, and as the CE loss falls the model sees their class in them. A row of near-identical samples is &lt;b&gt;mode collapse&lt;/b&gt;: the student then sees one example per class, which is what LRQ&apos;s AMA and ClusterQ&apos;s diversity term work against. Move the history slider to look back at earlier iterations; click a sample to enlarge it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Jede Zeile ist eine Klasse, jede Spalte eine Probe, die der Generator für diese Klasse bei der angezeigten Iteration erzeugt hat. Sie sollen nicht wie Fotos aussehen: Sie sind darauf gemacht, zu dem zu passen, was das Modell weiß (seine BatchNorm-Statistiken und sein Klassifikator), und müssen nur gute Kalibrier- und Feinabstimmungsdaten für den quantisierten Schüler sein.&lt;/p&gt;&lt;p&gt;Anfangs sind sie Rauschen; während der BNS-Verlust sinkt, bekommen sie Kontrast und Texturen echter Daten, und während der CE-Verlust sinkt, erkennt das Modell ihre Klasse in ihnen. Eine Zeile fast gleicher Proben ist ein &lt;b&gt;Moduskollaps&lt;/b&gt; (mode collapse): Der Schüler sieht dann nur ein Beispiel je Klasse; dagegen arbeiten LRQs AMA und der Vielfaltsterm von ClusterQ. Mit dem Verlaufsregler lassen sich frühere Iterationen ansehen; ein Klick vergrößert eine Probe.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;One row per finished run of this session: method, bit widths, size, top-1 of the full-precision and of the quantized model, and the time taken. Select several rows to overlay their curves. &lt;b&gt;PTQ&lt;/b&gt; (no fine-tuning) is the floor and fine-tuning on &lt;b&gt;real data&lt;/b&gt; the ceiling; the zero-shot methods lie between them.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Why W2 hurts more than W4:&lt;/b&gt; every bit halves the step between quantization levels. 2-bit weights have 4 levels per output channel against 16 at 4 bits, so the rounding step is five times as large (about 14 dB less signal-to-noise) and changes what each layer computes beyond what fine-tuning on synthetic data can repair. 4-bit activations are often harder still: one range per layer has to cover every input, so outliers cost all other values their resolution.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eine Zeile je abgeschlossenem Lauf dieser Sitzung: Verfahren, Bitbreiten, Größe, Top-1 des Modells in voller Genauigkeit und des quantisierten Modells sowie die benötigte Zeit. Mehrere markierte Zeilen legen ihre Kurven übereinander. &lt;b&gt;PTQ&lt;/b&gt; (ohne Feinabstimmung) ist die Untergrenze, Feinabstimmung auf &lt;b&gt;echten Daten&lt;/b&gt; die Obergrenze; die Zero-Shot-Verfahren liegen dazwischen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Warum W2 mehr schadet als W4:&lt;/b&gt; Jedes Bit halbiert den Abstand zwischen den Quantisierungsstufen. 2-Bit-Gewichte haben 4 Stufen je Ausgabekanal gegenüber 16 bei 4 Bit, der Rundungsschritt ist also fünfmal so groß (etwa 14 dB weniger Signal-Rausch-Abstand) und verändert, was jede Schicht berechnet, über das hinaus, was Feinabstimmung auf synthetischen Daten reparieren kann. 4-Bit-Aktivierungen sind oft noch schwieriger: Ein Bereich je Schicht muss jede Eingabe abdecken, und Ausreißer kosten alle anderen Werte ihre Auflösung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Preprocessing&lt;/b&gt; is part of a model: the input size, how images of another size are brought to it, and the mean and std each channel is normalised with. A network only works on inputs prepared as in its training; with others its accuracy drops towards chance and every synthetic image is off scale. A ZSQ checkpoint stores its preprocessing; a PyTorch state_dict does not, so its architecture&apos;s values are assumed until you give the right ones. &lt;b&gt;Check on Dataset&lt;/b&gt; measures the full-precision accuracy with the values shown.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die &lt;b&gt;Vorverarbeitung&lt;/b&gt; gehört zum Modell: die Eingabegröße, wie Bilder anderer Größe auf sie gebracht werden, und Mittelwert und Standardabweichung, mit denen jeder Kanal normalisiert wird. Ein Netz funktioniert nur mit Eingaben, die wie beim Training vorbereitet sind; mit anderen fällt seine Genauigkeit bis nahe an den Zufall, und jedes synthetische Bild liegt im falschen Wertebereich. Ein ZSQ-Checkpoint speichert seine Vorverarbeitung, ein PyTorch-state_dict nicht: Bis die richtigen Werte angegeben sind, werden die seiner Architektur angenommen. &lt;b&gt;Am Datensatz prüfen&lt;/b&gt; misst die Genauigkeit in voller Genauigkeit mit den angezeigten Werten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;With a &lt;b&gt;refinement&lt;/b&gt; after the method (AdaRound, BRECQ), its output error against the full-precision model (&lt;b&gt;refine: layer MSE&lt;/b&gt; or &lt;b&gt;block MSE&lt;/b&gt;) follows in the student&apos;s plot after the method&apos;s last iteration, past a dashed line. Each layer or block starts again from its own error, so the curve steps at every new one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Mit einer &lt;b&gt;Verfeinerung&lt;/b&gt; nach der Methode (AdaRound, BRECQ) folgt ihr Ausgabefehler gegenüber dem Modell mit voller Genauigkeit (&lt;b&gt;Verfeinerung: Schicht-MSE&lt;/b&gt; oder &lt;b&gt;Block-MSE&lt;/b&gt;) im Diagramm des Schülers nach der letzten Iteration der Methode, hinter einer gestrichelten Linie. Jede Schicht bzw. jeder Block beginnt wieder bei ihrem eigenen Fehler, daher springt die Kurve bei jeder neuen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A method followed by &lt;b&gt;+ adaround&lt;/b&gt;, &lt;b&gt;+ brecq&lt;/b&gt; or &lt;b&gt;+ ranges&lt;/b&gt; was refined after the method on calibration images; &lt;b&gt;(real data)&lt;/b&gt; marks a refinement on real training images, a ceiling rather than a zero-shot result.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eine Methode mit dem Zusatz &lt;b&gt;+ adaround&lt;/b&gt;, &lt;b&gt;+ brecq&lt;/b&gt; oder &lt;b&gt;+ ranges&lt;/b&gt; wurde nach der Methode auf Kalibrierbildern verfeinert; &lt;b&gt;(echte Daten)&lt;/b&gt; kennzeichnet eine Verfeinerung auf echten Trainingsbildern, eine Obergrenze und kein Zero-Shot-Ergebnis.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>zsq::ui::Worker</name>
    <message>
        <source>Unknown error.</source>
        <translation>Unbekannter Fehler.</translation>
    </message>
</context>
</TS>
