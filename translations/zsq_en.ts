<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>zsq::ui::LayerTree</name>
    <message numerus="yes">
        <source>Quantized to %n bit(s)</source>
        <translation>
            <numerusform>Quantized to %n bit</numerusform>
            <numerusform>Quantized to %n bits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zsq::ui::MainWindow</name>
    <message numerus="yes">
        <source>Demo: %n run(s) still queued after this one</source>
        <translation>
            <numerusform>Demo: %n run still queued after this one</numerusform>
            <numerusform>Demo: %n runs still queued after this one</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued run(s) will not run: %1.</source>
        <translation>
            <numerusform>%n queued run will not run: %1.</numerusform>
            <numerusform>%n queued runs will not run: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunAnalysisReport</name>
    <message numerus="yes">
        <source>t-SNE of the student&apos;s penultimate features (%n point(s))</source>
        <translation>
            <numerusform>t-SNE of the student&apos;s penultimate features (%n point)</numerusform>
            <numerusform>t-SNE of the student&apos;s penultimate features (%n points)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zsq::ui::TsneView</name>
    <message numerus="yes">
        <source>Done: %n point(s).</source>
        <translation>
            <numerusform>Done: %n point.</numerusform>
            <numerusform>Done: %n points.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The embedding kept with %1 (%n point(s)): press Start to compute it again.</source>
        <translation>
            <numerusform>The embedding kept with %1 (%n point): press Start to compute it again.</numerusform>
            <numerusform>The embedding kept with %1 (%n points): press Start to compute it again.</numerusform>
        </translation>
    </message>
</context>
</TS>
