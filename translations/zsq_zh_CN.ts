<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EvalData</name>
    <message>
        <source>%1 ZeroQ-distilled samples (agreement with the FP model)</source>
        <translation>%1 个 ZeroQ 蒸馏样本（与全精度模型的一致率）</translation>
    </message>
    <message>
        <source>%1/%2 (%3 samples, top-1 against labels)</source>
        <translation>%1/%2（%3 个样本，按标签计算 Top-1）</translation>
    </message>
</context>
<context>
    <name>TsneFigures</name>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>KL 散度</translation>
    </message>
    <message>
        <source>10-NN preservation</source>
        <translation>10-NN 保持率</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Silhouette (features / embedding)</source>
        <translation>轮廓系数（特征 / 嵌入）</translation>
    </message>
    <message>
        <source>Intra-class angle</source>
        <translation>类内角度</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>10-NN class agreement (features / embedding)</source>
        <translation>10-NN 类别一致率（特征 / 嵌入）</translation>
    </message>
    <message>
        <source>Predicted = label</source>
        <translation>预测 = 标签</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>no translation for language &apos;%1&apos;, using English</source>
        <translation>没有语言“%1”的翻译，将使用英语</translation>
    </message>
    <message>
        <source>ZSQ Studio: zero-shot quantization of convolutional neural networks.</source>
        <translation>ZSQ Studio：卷积神经网络的零样本量化。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>语言代码</translation>
    </message>
    <message>
        <source>Save the main window as a PNG image once the model has loaded, then quit (exit status 2 when the model could not be loaded).</source>
        <translation>模型加载完成后将主窗口保存为 PNG 图像并退出（模型无法加载时退出状态为 2）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Model file to open (default: the demo model).</source>
        <translation>要打开的模型文件（默认：演示模型）。</translation>
    </message>
    <message>
        <source>[model]</source>
        <translation>[模型]</translation>
    </message>
    <message>
        <source>only one model file can be opened</source>
        <translation>一次只能打开一个模型文件</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tab to show at start (and to capture with --screenshot): model, training, images, tsne, layers or results.</source>
        <translation>启动时显示的标签页（也是 --screenshot 截取的标签页）：model、training、images、tsne、layers 或 results。</translation>
    </message>
    <message>
        <source>Colours: system (default), light or dark.</source>
        <translation>配色：system（默认）、light 或 dark。</translation>
    </message>
    <message>
        <source>Run two short quantizations, a per-layer analysis and a t-SNE by themselves, save a PNG of every tab into the folder, then quit.</source>
        <translation>自动运行两次简短量化、一次逐层分析和一次 t-SNE，将每个标签页保存为文件夹中的 PNG，然后退出。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>unknown theme &apos;%1&apos; (system, light, dark)</source>
        <translation>未知配色“%1”（system、light、dark）</translation>
    </message>
    <message>
        <source>unknown tab &apos;%1&apos; (model, training, images, tsne, layers, results)</source>
        <translation>未知标签页“%1”（model、training、images、tsne、layers、results）</translation>
    </message>
    <message>
        <source>User interface language, e.g. de or zh_CN (default: $ZSQ_LANG, else the choice in View &gt; Language, else the system language).</source>
        <translation>界面语言，例如 de 或 zh_CN（默认：$ZSQ_LANG，其次为“视图 &gt; 语言”中的选择，再次为系统语言）。</translation>
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
        <translation>选择一个量化的 .zsq 检查点</translation>
    </message>
    <message>
        <source>Quantized Model</source>
        <translation>量化模型</translation>
    </message>
    <message>
        <source>ZSQ checkpoints (*.zsq)</source>
        <translation>ZSQ 检查点 (*.zsq)</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ExplanationBox</name>
    <message>
        <source>What am I looking at?</source>
        <translation>这里显示的是什么？</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ImageGrid</name>
    <message>
        <source>Look back at earlier batches; the right end follows the run</source>
        <translation>回看之前的批次；滑块在最右端时跟随当前运行</translation>
    </message>
    <message>
        <source>&amp;Save PNG…</source>
        <translation>保存为 PNG(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the grid on display as a PNG image</source>
        <translation>将当前显示的网格保存为 PNG 图像</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>历史：</translation>
    </message>
    <message>
        <source>no images yet</source>
        <translation>尚无图像</translation>
    </message>
    <message>
        <source>iteration %1 (%2 of %3)</source>
        <translation>第 %1 次迭代（%3 个中的第 %2 个）</translation>
    </message>
    <message>
        <source>Save Synthetic Images</source>
        <translation>保存合成图像</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ImageGridCanvas</name>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>Synthetic images appear here while a generative method trains.</source>
        <translation>生成式方法训练时，合成图像会显示在这里。</translation>
    </message>
</context>
<context>
    <name>zsq::ui::Language</name>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
</context>
<context>
    <name>zsq::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>zsq::ui::LayerChart</name>
    <message>
        <source>Single-layer accuracy</source>
        <translation>单层精度</translation>
    </message>
    <message>
        <source>Cumulative accuracy</source>
        <translation>累积精度</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR（dB）</translation>
    </message>
    <message>
        <source>Single: only this layer quantized. Cumulative: this layer and all before it. SQNR: signal-to-quantization-noise ratio of the layer&apos;s output in the fully quantized model.</source>
        <translation>单层：只量化这一层。累积：量化这一层及其之前的所有层。SQNR：在完全量化的模型中该层输出的信号与量化噪声之比。</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>top-1 (%)</source>
        <translation>Top-1（%）</translation>
    </message>
    <message>
        <source>agreement with FP (%)</source>
        <translation>与全精度模型一致率（%）</translation>
    </message>
    <message>
        <source>after fine-tuning</source>
        <translation>微调后</translation>
    </message>
    <message>
        <source>before (FP weights quantized)</source>
        <translation>微调前（量化全精度权重）</translation>
    </message>
</context>
<context>
    <name>zsq::ui::LayerTable</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重数</translation>
    </message>
    <message>
        <source>W bits</source>
        <translation>W 位宽</translation>
    </message>
    <message>
        <source>top-1 %</source>
        <translation>Top-1 %</translation>
    </message>
    <message>
        <source>agreement %</source>
        <translation>一致率 %</translation>
    </message>
    <message>
        <source>Single %1</source>
        <translation>单层 %1</translation>
    </message>
    <message>
        <source>Cumulative %1</source>
        <translation>累积 %1</translation>
    </message>
    <message>
        <source>SQNR dB</source>
        <translation>SQNR dB</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦相似度</translation>
    </message>
    <message>
        <source>After: single %1</source>
        <translation>微调后：单层 %1</translation>
    </message>
    <message>
        <source>After: cumulative %1</source>
        <translation>微调后：累积 %1</translation>
    </message>
    <message>
        <source>After: SQNR dB</source>
        <translation>微调后：SQNR dB</translation>
    </message>
    <message>
        <source>KL at W%1</source>
        <translation>W%1 时的 KL</translation>
    </message>
    <message>
        <source>Weight bits of this layer in the next run</source>
        <translation>下一次运行中该层的权重位宽</translation>
    </message>
</context>
<context>
    <name>zsq::ui::LayerTree</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Weight shape</source>
        <translation>权重形状</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Quantizable</source>
        <translation>可量化</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <source>Quantized to %n bit(s)</source>
        <translation>
            <numerusform>已量化为 %n 位</numerusform>
        </translation>
    </message>
    <message>
        <source>Float, not quantized yet</source>
        <translation>浮点，尚未量化</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Activation quantizer</source>
        <translation>激活量化器</translation>
    </message>
</context>
<context>
    <name>zsq::ui::LayerView</name>
    <message>
        <source>&lt;p&gt;One bar per quantizable layer, in forward order. &lt;b&gt;Single&lt;/b&gt;: the accuracy with only this layer&apos;s weights quantized, i.e. how sensitive the layer is on its own. &lt;b&gt;Cumulative&lt;/b&gt;: this layer and all layers before it quantized, i.e. where the accuracy is lost as the errors add up through the network. &lt;b&gt;SQNR&lt;/b&gt; (signal-to-quantization-noise ratio) compares the layer&apos;s output in the fully quantized model (weights and activations) with the full-precision output; each bit is worth about 6 dB, and below about 10 dB the output is mostly noise. With a quantized checkpoint the figures come twice: before (the FP weights quantized as they are) and after the method&apos;s fine-tuning.&lt;/p&gt;&lt;p&gt;Why W2 hurts much more than W4: 4-bit weights have 16 levels, 2-bit weights only 4, so the rounding step is five times larger (about 14 dB less SQNR), and small layers such as the first convolution or the classifier have few weights to average the error out.&lt;/p&gt;&lt;p&gt;The &lt;b&gt;sensitivity&lt;/b&gt; of a layer at b bits (KL columns) is the mean KL divergence between the FP model&apos;s predictions and those with only that layer at b bits (ZeroQ). &lt;b&gt;Suggest bits&lt;/b&gt; chooses the widths that minimise the summed sensitivity while the average weight bits, weighted by the number of weights (the model&apos;s size), stay within the budget: large, robust layers get fewer bits, small, sensitive ones more. The W bits column is passed to the next run (layer_bits).&lt;/p&gt;</source>
        <translation>&lt;p&gt;每个可量化层对应一根柱，按前向顺序排列。&lt;b&gt;单层&lt;/b&gt;：只量化该层权重时的精度，即该层单独的敏感程度。&lt;b&gt;累积&lt;/b&gt;：量化该层及其之前的所有层时的精度，即误差在网络中逐层累积时精度在哪里损失。&lt;b&gt;SQNR&lt;/b&gt;（信号与量化噪声之比）比较完全量化模型（权重和激活）中该层的输出与全精度输出；每一位大约相当于 6 dB，低于约 10 dB 时输出基本上是噪声。若给出量化检查点，各项数值会出现两次：微调前（直接量化全精度权重）和方法微调之后。&lt;/p&gt;&lt;p&gt;为什么 W2 比 W4 损失大得多：4 位权重有 16 个量化级，2 位权重只有 4 个，因此舍入步长大五倍（SQNR 约低 14 dB）；而第一层卷积或分类器这样的小层权重很少，误差无法被平均掉。&lt;/p&gt;&lt;p&gt;某层在 b 位时的&lt;b&gt;敏感度&lt;/b&gt;（KL 列）是全精度模型的预测与只把该层量化到 b 位时的预测之间的平均 KL 散度（ZeroQ）。&lt;b&gt;建议位宽&lt;/b&gt;在平均权重位宽（按权重数量加权，即模型大小）不超过预算的前提下，选择使敏感度之和最小的位宽：大而稳健的层得到较少的位，小而敏感的层得到较多的位。W 位宽一列会传给下一次运行（layer_bits）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Average weight bits allowed, weighted by the number of weights</source>
        <translation>允许的平均权重位宽（按权重数量加权）</translation>
    </message>
    <message>
        <source>Su&amp;ggest Bits</source>
        <translation>建议位宽(&amp;G)</translation>
    </message>
    <message>
        <source>Fill the bits column with the widths of least total sensitivity within the budget</source>
        <translation>用预算内总敏感度最小的位宽填充位宽一列</translation>
    </message>
    <message>
        <source>&amp;Uniform</source>
        <translation>统一位宽(&amp;U)</translation>
    </message>
    <message>
        <source>Back to the Run panel&apos;s weight bits for every layer</source>
        <translation>所有层恢复为运行面板中的权重位宽</translation>
    </message>
    <message>
        <source>Budget (average W bits):</source>
        <translation>预算（平均 W 位宽）：</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>None (before only)</source>
        <translation>无（仅微调前）</translation>
    </message>
    <message>
        <source>A method&apos;s fine-tuned quantized.zsq: the figures before AND after fine-tuning</source>
        <translation>某方法微调后的 quantized.zsq：给出微调前和微调后的数值</translation>
    </message>
    <message>
        <source>&amp;Compare with:</source>
        <translation>对比(&amp;C)：</translation>
    </message>
    <message>
        <source>Evaluation samples of the Run panel&apos;s dataset</source>
        <translation>运行面板中数据集的评估样本</translation>
    </message>
    <message>
        <source>Bit widths whose sensitivity is measured; Suggest Bits chooses among them</source>
        <translation>测量敏感度的位宽；“建议位宽”从中选择</translation>
    </message>
    <message>
        <source>Measure the sensitivity</source>
        <translation>测量敏感度</translation>
    </message>
    <message>
        <source>Needed for Suggest Bits; skipping it is faster</source>
        <translation>“建议位宽”需要它；跳过会更快</translation>
    </message>
    <message>
        <source>Bit widths and dataset come from the Run panel.</source>
        <translation>位宽和数据集取自运行面板。</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>Give the candidate bit widths as a list, e.g. 2,4,8.</source>
        <translation>请以列表形式给出候选位宽，例如 2,4,8。</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>正在分析…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>%1 layers on %2 samples: full precision %3 %, fully quantized %4 % (W%5A%6).</source>
        <translation>%1 层，%2 个样本：全精度 %3 %，完全量化 %4 %（W%5A%6）。</translation>
    </message>
    <message>
        <source>Analyse the layers first.</source>
        <translation>请先分析各层。</translation>
    </message>
    <message>
        <source>Suggested bits: summed sensitivity %1.</source>
        <translation>已建议位宽：敏感度之和 %1。</translation>
    </message>
    <message>
        <source>No layers analysed yet.</source>
        <translation>尚未分析任何层。</translation>
    </message>
    <message>
        <source>Average weight bits: %1 (%2 layers differ from W%3)</source>
        <translation>平均权重位宽：%1（%2 层不同于 W%3）</translation>
    </message>
    <message>
        <source>Sampl&amp;es:</source>
        <translation>样本数(&amp;E)：</translation>
    </message>
    <message>
        <source>Can&amp;didate bits:</source>
        <translation>候选位宽(&amp;D)：</translation>
    </message>
    <message>
        <source>Sensitivities (for Suggest Bits) measured on %1, never on the test split.</source>
        <translation>敏感度（用于“建议位宽”）在 %1 上测量，从不使用测试集。</translation>
    </message>
    <message>
        <source>The compared run was refined by %1, which stores its weights already rounded: in its “after” single and cumulative columns, the layers kept in float have the float model&apos;s weights.</source>
        <translation>所比较的运行经过 %1 细化，其权重已按舍入后的值保存：在其“之后”的单层和累积列中，保持浮点的层使用浮点模型的权重。</translation>
    </message>
    <message>
        <source>Analysing: %1 % done, about %2 left.</source>
        <translation>分析中：已完成 %1 %，约剩 %2。</translation>
    </message>
    <message>
        <source>The table shows the figures over the samples measured so far.</source>
        <translation>表格显示的是目前已测样本上的数值。</translation>
    </message>
    <message>
        <source>The analysis kept with %1 (%2 samples, %3): press Start to measure again.</source>
        <translation>保存在 %1 中的分析（%2 个样本，%3）：按“开始”重新测量。</translation>
    </message>
    <message>
        <source>Kept in %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Could not keep it with the run: %1</source>
        <translation>无法随运行保存：%1</translation>
    </message>
</context>
<context>
    <name>zsq::ui::LogView</name>
    <message>
        <source>warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>error: </source>
        <translation>错误：</translation>
    </message>
</context>
<context>
    <name>zsq::ui::LossPlot</name>
    <message>
        <source>Generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生模型</translation>
    </message>
    <message>
        <source>Top-1 (%)</source>
        <translation>Top-1 (%)</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>student top-1</source>
        <translation>学生模型 Top-1</translation>
    </message>
    <message>
        <source>&amp;Smoothing:</source>
        <translation>平滑(&amp;S)：</translation>
    </message>
    <message>
        <source>Exponential moving average of each curve (0 = raw values)</source>
        <translation>对每条曲线做指数滑动平均（0 = 原始值）</translation>
    </message>
    <message>
        <source>&amp;Log scale</source>
        <translation>对数刻度(&amp;L)</translation>
    </message>
    <message>
        <source>Logarithmic loss axes</source>
        <translation>损失坐标轴使用对数刻度</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>适应(&amp;F)</translation>
    </message>
    <message>
        <source>Show all data and follow new points again (also: double-click the plot)</source>
        <translation>显示全部数据并重新跟随新数据点（也可双击图表）</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>导出 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Hover over the curves to read values.</source>
        <translation>将鼠标悬停在曲线上以读取数值。</translation>
    </message>
    <message>
        <source>Iteration %1: %2</source>
        <translation>第 %1 次迭代：%2</translation>
    </message>
    <message>
        <source>Export Curves as PNG</source>
        <translation>将曲线导出为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Export Losses as CSV</source>
        <translation>将损失导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Angle (°)</source>
        <translation>角度 (°)</translation>
    </message>
    <message>
        <source>refinement →</source>
        <translation>细化 →</translation>
    </message>
    <message>
        <source>refine: block MSE</source>
        <translation>细化：块 MSE</translation>
    </message>
    <message>
        <source>refine: layer MSE</source>
        <translation>细化：层 MSE</translation>
    </message>
</context>
<context>
    <name>zsq::ui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a PyTorch model or a ZSQ checkpoint</source>
        <translation>打开 PyTorch 模型或 ZSQ 检查点</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Demo Model</source>
        <translation>打开演示模型(&amp;D)</translation>
    </message>
    <message>
        <source>Open the Fashion-MNIST ResNet-8 that comes with ZSQ Studio</source>
        <translation>打开 ZSQ Studio 自带的 Fashion-MNIST ResNet-8 模型</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ZSQ Studio</source>
        <translation>关于 ZSQ Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除菜单(&amp;C)</translation>
    </message>
    <message>
        <source>Models (*.pt *.pth *.zsq *.ts)</source>
        <translation>模型 (*.pt *.pth *.zsq *.ts)</translation>
    </message>
    <message>
        <source>ZSQ checkpoints (*.zsq)</source>
        <translation>ZSQ 检查点 (*.zsq)</translation>
    </message>
    <message>
        <source>PyTorch files (*.pt *.pth)</source>
        <translation>PyTorch 文件 (*.pt *.pth)</translation>
    </message>
    <message>
        <source>TorchScript archives (*.ts *.pt)</source>
        <translation>TorchScript 归档 (*.ts *.pt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>About ZSQ Studio</source>
        <translation>关于 ZSQ Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ZSQ Studio %1&lt;/h3&gt;&lt;p&gt;Zero-shot quantization of convolutional neural networks: low-bit models without the training data.&lt;/p&gt;&lt;p&gt;Reads TorchScript archives, PyTorch state_dict files and ZSQ checkpoints.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and LibTorch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ZSQ Studio %1&lt;/h3&gt;&lt;p&gt;卷积神经网络的零样本量化：无需训练数据即可得到低位宽模型。&lt;/p&gt;&lt;p&gt;可读取 TorchScript 归档、PyTorch state_dict 文件和 ZSQ 检查点。&lt;/p&gt;&lt;p&gt;基于 Qt %2 和 LibTorch 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>%1, %2 parameters</source>
        <translation>%1，%2 个参数</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>已加载 %1</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Cannot Open Model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>No run yet: choose the settings in the Run panel and press Start (Ctrl+R).</source>
        <translation>尚未运行：请在“运行”面板中选择设置，然后点击“开始”（Ctrl+R）。</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>S&amp;ynthetic Images</source>
        <translation>合成图像(&amp;Y)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Quantize the open model with the settings of the Run panel</source>
        <translation>使用“运行”面板中的设置量化当前打开的模型</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause or resume the run</source>
        <translation>暂停或继续运行</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the run; generative methods keep run.ckpt for a resume</source>
        <translation>停止运行；生成式方法会保留 run.ckpt 以便继续</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>请先打开一个模型。</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>正在运行 %1…</translation>
    </message>
    <message>
        <source>Run settings: %1</source>
        <translation>运行设置：%1</translation>
    </message>
    <message>
        <source>Stopping: saving the checkpoint and evaluating the student…</source>
        <translation>正在停止：保存检查点并评估学生模型…</translation>
    </message>
    <message>
        <source>Epoch %1: student top-1 %2 % (best %3 %) on %4 images</source>
        <translation>第 %1 轮：学生模型 Top-1 %2 %（最佳 %3 %），基于 %4 张图像</translation>
    </message>
    <message>
        <source>Stopped before training began; nothing was written.</source>
        <translation>在训练开始前已停止；未写入任何文件。</translation>
    </message>
    <message>
        <source>Quantized top-1: %1 % (full precision: %2 %).</source>
        <translation>量化后 Top-1：%1 %（全精度：%2 %）。</translation>
    </message>
    <message>
        <source>Stopped. %1 The checkpoint run.ckpt is kept for a resume.</source>
        <translation>已停止。%1 检查点 run.ckpt 已保留，可用于继续运行。</translation>
    </message>
    <message>
        <source>%1 Output: %2</source>
        <translation>%1 输出：%2</translation>
    </message>
    <message>
        <source>Run stopped</source>
        <translation>运行已停止</translation>
    </message>
    <message>
        <source>Run finished: %1</source>
        <translation>运行完成：%1</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <source>Run Failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <source>synthetic (%1)</source>
        <translation>合成（%1）</translation>
    </message>
    <message>
        <source>t-S&amp;NE</source>
        <translation>t-SNE(&amp;N)</translation>
    </message>
    <message>
        <source>Per-&amp;layer</source>
        <translation>逐层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen with large fonts, one view at a time (Page Up/Down)</source>
        <translation>全屏大字体，每次显示一个视图（Page Up/Down 切换）</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>A run is going; stop it before starting the demo.</source>
        <translation>有运行正在进行；请先停止再启动演示。</translation>
    </message>
    <message numerus="yes">
        <source>Demo: %n run(s) still queued after this one</source>
        <translation>
            <numerusform>演示：此后还有 %n 个运行在队列中</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Demo: LRQ vs ClusterQ</source>
        <translation>演示：LRQ 对比 ClusterQ(&amp;D)</translation>
    </message>
    <message>
        <source>Open the demo model and run quick LRQ, then quick ClusterQ; the Results tab compares them</source>
        <translation>打开演示模型，先快速运行 LRQ，再快速运行 ClusterQ；“结果”标签页对二者进行比较</translation>
    </message>
    <message>
        <source>ZSQ Studio sessions (*.zsqsession)</source>
        <translation>ZSQ Studio 会话 (*.zsqsession)</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation>新建会话(&amp;N)</translation>
    </message>
    <message>
        <source>Forget the finished runs and go back to the default settings</source>
        <translation>清除已完成的运行并恢复默认设置</translation>
    </message>
    <message>
        <source>Open &amp;Session…</source>
        <translation>打开会话(&amp;S)…</translation>
    </message>
    <message>
        <source>Open a saved session: model, run settings and finished runs</source>
        <translation>打开已保存的会话：模型、运行设置和已完成的运行</translation>
    </message>
    <message>
        <source>Sa&amp;ve Session</source>
        <translation>保存会话(&amp;V)</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>The interrupted run can be resumed from %1: press Start (Ctrl+R).</source>
        <translation>中断的运行可从 %1 继续：请按“开始”(Ctrl+R)。</translation>
    </message>
    <message>
        <source>The interrupted run in %1 left no checkpoint to resume from.</source>
        <translation>%1 中中断的运行没有留下可用于继续的检查点。</translation>
    </message>
    <message>
        <source>Stop the run before starting a new session.</source>
        <translation>请先停止运行，再新建会话。</translation>
    </message>
    <message>
        <source>Could not open the session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>Cannot Open Session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>Opened session %1</source>
        <translation>已打开会话 %1</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>The session was not saved</source>
        <translation>会话未保存</translation>
    </message>
    <message>
        <source>Cannot Save Session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>%1

The previous file, if any, is unchanged.</source>
        <translation>%1

原有文件（如有）保持不变。</translation>
    </message>
    <message>
        <source>Saved session %1</source>
        <translation>已保存会话 %1</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Recover Session</source>
        <translation>恢复会话</translation>
    </message>
    <message>
        <source>ZSQ Studio did not shut down properly last time. Recover the model, the run settings and the finished runs?</source>
        <translation>ZSQ Studio 上次未正常关闭。是否恢复模型、运行设置和已完成的运行？</translation>
    </message>
    <message>
        <source>A run that was going can be resumed from its checkpoint.</source>
        <translation>正在进行的运行可从其检查点继续。</translation>
    </message>
    <message>
        <source>Could not recover the session: %1</source>
        <translation>无法恢复会话：%1</translation>
    </message>
    <message>
        <source>Recovered the previous session</source>
        <translation>已恢复上一个会话</translation>
    </message>
    <message>
        <source>Res&amp;ults</source>
        <translation>结果(&amp;U)</translation>
    </message>
    <message>
        <source>Resume from &amp;Checkpoint...</source>
        <translation>从检查点继续(&amp;C)...</translation>
    </message>
    <message>
        <source>Continue a stopped or interrupted run from its run.ckpt</source>
        <translation>从 run.ckpt 继续已停止或中断的运行</translation>
    </message>
    <message>
        <source>Resume from Checkpoint</source>
        <translation>从检查点继续</translation>
    </message>
    <message>
        <source>Run checkpoints (run.ckpt);;All files (*)</source>
        <translation>运行检查点 (run.ckpt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>Open the run&apos;s model and wait until no run is going, then resume.</source>
        <translation>请先打开该运行的模型，并等到没有运行正在进行，再继续。</translation>
    </message>
    <message>
        <source>Resuming from %1</source>
        <translation>正在从 %1 继续</translation>
    </message>
    <message>
        <source>ZSQ Studio will be in %1 from its next start.</source>
        <translation>ZSQ Studio 将从下次启动起使用%1。</translation>
    </message>
    <message>
        <source>The preprocessing settings went back to the new model&apos;s own.</source>
        <translation>预处理设置已恢复为新模型自身的设置。</translation>
    </message>
    <message>
        <source>Preprocessing in use: %1</source>
        <translation>当前使用的预处理：%1</translation>
    </message>
    <message>
        <source>The preprocessing settings do not fit the model: %1</source>
        <translation>预处理设置与模型不符：%1</translation>
    </message>
    <message>
        <source>Choose a dataset in the Run panel to check the model on it.</source>
        <translation>请在运行面板中选择一个数据集，以便在其上检查模型。</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>检查失败：%1</translation>
    </message>
    <message>
        <source>Started although the model is near chance on %1.</source>
        <translation>尽管模型在 %1 上接近随机水平，仍已开始运行。</translation>
    </message>
    <message>
        <source>Not started: the full-precision model is near chance on %1 (%2 % top-1); check its preprocessing on the Model tab.</source>
        <translation>未开始：全精度模型在 %1 上接近随机水平（Top-1 %2 %）；请在“模型”选项卡中检查其预处理。</translation>
    </message>
    <message>
        <source>The full-precision model reaches only %1 % top-1 on the first %2 images of %3, near chance (%4 %). Its preprocessing (input size, resize, mean, std) is almost certainly not the one it was trained with, so the accuracies of this run would mean little.</source>
        <translation>全精度模型在 %3 的前 %2 张图像上的 Top-1 仅为 %1 %，接近随机水平（%4 %）。其预处理（输入尺寸、缩放、均值、标准差）几乎肯定不是训练时所用的，因此本次运行的准确率意义不大。</translation>
    </message>
    <message>
        <source>Model Near Chance</source>
        <translation>模型接近随机水平</translation>
    </message>
    <message>
        <source>In use: %1

Set the model&apos;s own values on the Model tab and press Check on Dataset, or start anyway.</source>
        <translation>当前使用：%1

请在“模型”选项卡中填写模型自身的数值并点击“在数据集上检查”，或仍然开始。</translation>
    </message>
    <message>
        <source>Start Anyway</source>
        <translation>仍然开始</translation>
    </message>
    <message>
        <source>Checking the model on %1 before the run…</source>
        <translation>运行前正在 %1 上检查模型…</translation>
    </message>
    <message>
        <source>Not started: stopped while the model was being checked.</source>
        <translation>未开始：在检查模型期间被停止。</translation>
    </message>
    <message>
        <source>&amp;Export Quantized Model…</source>
        <translation>导出量化模型(&amp;E)…</translation>
    </message>
    <message>
        <source>Write a run&apos;s quantized model as ONNX (QDQ) or TorchScript</source>
        <translation>将某次运行的量化模型写为 ONNX（QDQ）或 TorchScript</translation>
    </message>
    <message>
        <source>the model could not be opened</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>A quantization run is going: closing stops it (a generative run keeps run.ckpt for a resume).</source>
        <translation>量化运行正在进行：关闭将停止它（生成式运行会保留 run.ckpt 以便继续）。</translation>
    </message>
    <message>
        <source>An analysis is going: closing stops it.</source>
        <translation>分析正在进行：关闭将停止它。</translation>
    </message>
    <message>
        <source>The session has unsaved changes.</source>
        <translation>会话有未保存的更改。</translation>
    </message>
    <message>
        <source>Quit ZSQ Studio?</source>
        <translation>退出 ZSQ Studio？</translation>
    </message>
    <message>
        <source>&amp;Save and Quit</source>
        <translation>保存并退出(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit without Saving</source>
        <translation>不保存退出(&amp;Q)</translation>
    </message>
    <message>
        <source>the run before it did not start</source>
        <translation>前一次运行未启动</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>An export is already going.</source>
        <translation>已有导出正在进行。</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>Export Quantized Model</source>
        <translation>导出量化模型</translation>
    </message>
    <message>
        <source>ONNX with QuantizeLinear/DequantizeLinear (*.onnx);;TorchScript for torch.jit.load (*.pt)</source>
        <translation>带 QuantizeLinear/DequantizeLinear 的 ONNX (*.onnx);;用于 torch.jit.load 的 TorchScript (*.pt)</translation>
    </message>
    <message>
        <source>The demo quantizes the demo model twice to 4 bits, first with LRQ, then with ClusterQ, on a short classroom schedule: about one minute on a 2-core CPU. The Run panel shows each run&apos;s settings; yours come back when the demo ends. Stop ends the demo.</source>
        <translation>演示将演示模型量化两次到 4 位，先用 LRQ，再用 ClusterQ，采用简短的课堂日程：在 2 核 CPU 上约 1 分钟。运行面板显示每次运行的设置；演示结束后恢复您自己的设置。停止会结束演示。</translation>
    </message>
    <message>
        <source>Demo: LRQ vs ClusterQ</source>
        <translation>演示：LRQ 对比 ClusterQ</translation>
    </message>
    <message numerus="yes">
        <source>%n queued run(s) will not run: %1.</source>
        <translation>
            <numerusform>%n 个排队的运行将不会执行：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused. Press Space (Run ▸ Resume) to go on.</source>
        <translation>已暂停。按空格键（运行 ▸ 继续）继续。</translation>
    </message>
    <message>
        <source>the run before it was stopped</source>
        <translation>前一次运行已停止</translation>
    </message>
    <message>
        <source>the run before it failed</source>
        <translation>前一次运行失败</translation>
    </message>
    <message>
        <source>a new session was started</source>
        <translation>已开始新会话</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>无法开始：%1</translation>
    </message>
    <message>
        <source>%1 (%2): quantized top-1 %3 % (full precision %4 %).</source>
        <translation>%1（%2）：量化后 Top-1 %3 %（全精度 %4 %）。</translation>
    </message>
    <message>
        <source>Its folder has no losses.csv to draw.</source>
        <translation>其文件夹中没有可绘制的 losses.csv。</translation>
    </message>
    <message>
        <source>Not refined</source>
        <translation>未精调</translation>
    </message>
    <message>
        <source>Cannot Refine</source>
        <translation>无法精调</translation>
    </message>
    <message>
        <source>A run is going; refine when it has ended.</source>
        <translation>有运行正在进行；请在其结束后再精调。</translation>
    </message>
    <message>
        <source>Refining %1 with %2</source>
        <translation>正在用 %2 精调 %1</translation>
    </message>
    <message>
        <source>Finish a run first: Refine works on a run of the Results tab.</source>
        <translation>请先完成一次运行：精调作用于“结果”页中的运行。</translation>
    </message>
    <message>
        <source>ranges: Lp search of every weight and activation range (seconds)</source>
        <translation>ranges：对每个权重和激活范围做 Lp 搜索（几秒）</translation>
    </message>
    <message>
        <source>adaround: the ranges, then each layer&apos;s rounding learned (minutes)</source>
        <translation>adaround：先搜索范围，再学习每层的舍入（几分钟）</translation>
    </message>
    <message>
        <source>brecq: the ranges, then each block&apos;s rounding and ranges learned (minutes)</source>
        <translation>brecq：先搜索范围，再学习每个块的舍入和范围（几分钟）</translation>
    </message>
    <message>
        <source>Refine Finished Run</source>
        <translation>精调已完成的运行</translation>
    </message>
    <message>
        <source>Refine %1 without training again; the result goes to a new folder beside it:</source>
        <translation>不重新训练而精调 %1；结果写入其旁边的新文件夹：</translation>
    </message>
    <message>
        <source>PgUp/PgDn: other views · F11: leave</source>
        <translation>PgUp/PgDn：其他视图 · F11：退出</translation>
    </message>
    <message>
        <source>Could not keep the images: %1</source>
        <translation>无法保存图像：%1</translation>
    </message>
    <message>
        <source>Re&amp;fine Finished Run…</source>
        <translation>精调已完成的运行(&amp;F)…</translation>
    </message>
    <message>
        <source>Refine the selected run of the Results tab (ranges, AdaRound, BRECQ) without training again</source>
        <translation>不重新训练，精调“结果”页中选中的运行（ranges、AdaRound、BRECQ）</translation>
    </message>
    <message>
        <source>Pause is not available with %1 processes: they wait for each other at most dist.timeout seconds. Stop keeps run.ckpt for a resume.</source>
        <translation>%1 个进程时无法暂停：进程之间最多互相等待 dist.timeout 秒。停止会保留 run.ckpt 以便继续。</translation>
    </message>
    <message>
        <source>%1 was stopped before it finished and has no quantized.zsq to export; finish it first with Run &gt; Resume from Checkpoint (its run.ckpt).</source>
        <translation>%1 在完成前已停止，没有可导出的 quantized.zsq；请先通过 运行 &gt; 从检查点继续（其 run.ckpt）完成它。</translation>
    </message>
    <message>
        <source>%1 (%2): %3.</source>
        <translation>%1（%2）：%3。</translation>
    </message>
    <message>
        <source>Done; %1.</source>
        <translation>完成；%1。</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ModelExporter</name>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>Exported %1 (%2): %3 weights packed at %4 bits on average are %5 (float32: %6).</source>
        <translation>已导出 %1（%2）：%3 个权重按平均 %4 位打包后为 %5（float32：%6）。</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ModelHeader</name>
    <message>
        <source>Architecture:</source>
        <translation>架构：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>类别数：</translation>
    </message>
    <message>
        <source>Input shape:</source>
        <translation>输入形状：</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>参数量：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>Quantizable layers:</source>
        <translation>可量化层：</translation>
    </message>
    <message>
        <source>Activation quantizers:</source>
        <translation>激活量化器：</translation>
    </message>
    <message>
        <source>ZSQ checkpoint</source>
        <translation>ZSQ 检查点</translation>
    </message>
    <message>
        <source>%1 (32-bit float)</source>
        <translation>%1（32 位浮点）</translation>
    </message>
    <message>
        <source>%1 quantized, %2 as 32-bit float</source>
        <translation>量化后 %1，32 位浮点为 %2</translation>
    </message>
    <message>
        <source>%1 × the data&apos;s size</source>
        <translation>%1 × 数据的尺寸</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ModelLoader</name>
    <message>
        <source>Unknown error while reading the model.</source>
        <translation>读取模型时发生未知错误。</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ModelView</name>
    <message>
        <source>No model is open.
Open one with File ▸ Open Model… or drop a model file onto this window.</source>
        <translation>尚未打开模型。
请通过“文件 ▸ 打开模型…”打开，或将模型文件拖放到此窗口。</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ParamForm</name>
    <message>
        <source>Training schedule (generative methods)</source>
        <translation>训练计划（生成式方法）</translation>
    </message>
    <message>
        <source>ZeroQ PTQ</source>
        <translation>ZeroQ PTQ</translation>
    </message>
    <message>
        <source>GDFQ losses</source>
        <translation>GDFQ 损失</translation>
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
        <translation>导出</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Range: %1 to %2</source>
        <translation>范围：%1 至 %2</translation>
    </message>
    <message>
        <source>Config key: %1</source>
        <translation>配置键：%1</translation>
    </message>
    <message>
        <source>Refinement (after the method)</source>
        <translation>细化（方法之后）</translation>
    </message>
    <message>
        <source>Model preprocessing</source>
        <translation>模型预处理</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ParamHelp</name>
    <message>
        <source>model file (TorchScript, state_dict or ZSQ checkpoint); &apos;demo&apos; = the shipped Fashion-MNIST model</source>
        <translation>模型文件（TorchScript、state_dict 或 ZSQ 检查点）；&apos;demo&apos; = 随附的 Fashion-MNIST 模型</translation>
    </message>
    <message>
        <source>quantization method (realdata = fine-tuning on the real training set, the ceiling)</source>
        <translation>量化方法（realdata = 在真实训练集上微调，即上限）</translation>
    </message>
    <message>
        <source>weight bit width</source>
        <translation>权重位宽</translation>
    </message>
    <message>
        <source>activation bit width</source>
        <translation>激活位宽</translation>
    </message>
    <message>
        <source>weights quantized per output channel (else per tensor)</source>
        <translation>按输出通道量化权重（否则按张量）</translation>
    </message>
    <message>
        <source>per-layer weight bit overrides: {layer name: bits}</source>
        <translation>逐层权重位宽覆盖：{层名: 位数}</translation>
    </message>
    <message>
        <source>per-quantizer activation bit overrides: {name: bits}</source>
        <translation>逐量化器激活位宽覆盖：{名称: 位数}</translation>
    </message>
    <message>
        <source>random seed (CPU runs repeat exactly)</source>
        <translation>随机种子（CPU 运行可精确复现）</translation>
    </message>
    <message>
        <source>auto, cpu, cuda or cuda:N</source>
        <translation>auto、cpu、cuda 或 cuda:N</translation>
    </message>
    <message>
        <source>LibTorch threads (0 = all cores)</source>
        <translation>LibTorch 线程数（0 = 全部核心）</translation>
    </message>
    <message>
        <source>output folder (default runs/&lt;method&gt;-w&lt;W&gt;a&lt;A&gt;-&lt;time&gt;)</source>
        <translation>输出文件夹（默认 runs/&lt;method&gt;-w&lt;W&gt;a&lt;A&gt;-&lt;time&gt;）</translation>
    </message>
    <message>
        <source>evaluation dataset: fashion-mnist, mnist, cifar10, cifar100, a folder, or none (quantize without any data; accuracy not measured)</source>
        <translation>评估数据集：fashion-mnist、mnist、cifar10、cifar100、一个文件夹，或 none（完全不使用数据进行量化；不测量准确率）</translation>
    </message>
    <message>
        <source>split used for the reported accuracy</source>
        <translation>用于报告准确率的数据划分</translation>
    </message>
    <message>
        <source>evaluation batch size</source>
        <translation>评估批大小</translation>
    </message>
    <message>
        <source>ZeroQ: distilled images</source>
        <translation>ZeroQ：蒸馏图像数</translation>
    </message>
    <message>
        <source>ZeroQ: optimisation steps on the distilled batch</source>
        <translation>ZeroQ：在蒸馏批次上的优化步数</translation>
    </message>
    <message>
        <source>ZeroQ: Adam learning rate on the images</source>
        <translation>ZeroQ：图像上的 Adam 学习率</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>iterations per epoch</source>
        <translation>每轮迭代次数</translation>
    </message>
    <message>
        <source>synthetic batch size</source>
        <translation>合成批大小</translation>
    </message>
    <message>
        <source>epochs with the student frozen (generator only)</source>
        <translation>学生冻结（只训练生成器）的轮次</translation>
    </message>
    <message>
        <source>epochs during which activation ranges are updated</source>
        <translation>更新激活范围的轮次</translation>
    </message>
    <message>
        <source>student learning rate (SGD, Nesterov)</source>
        <translation>学生学习率（SGD，Nesterov）</translation>
    </message>
    <message>
        <source>generator learning rate (Adam)</source>
        <translation>生成器学习率（Adam）</translation>
    </message>
    <message>
        <source>learning-rate schedule: step (x0.1 at 1/4, 1/2 and 3/4 of the epochs, as GDFQ) or cosine (to 0, per iteration)</source>
        <translation>学习率调度：step（在 1/4、1/2 和 3/4 轮次处乘以 0.1，同 GDFQ）或 cosine（逐迭代降至 0）</translation>
    </message>
    <message>
        <source>student weight decay</source>
        <translation>学生权重衰减</translation>
    </message>
    <message>
        <source>test samples evaluated at each epoch end (0 = all)</source>
        <translation>每轮结束时评估的测试样本数（0 = 全部）</translation>
    </message>
    <message>
        <source>iterations between synthetic-image events</source>
        <translation>两次合成图像事件之间的迭代次数</translation>
    </message>
    <message>
        <source>run checkpoint to resume from</source>
        <translation>从中继续的运行检查点</translation>
    </message>
    <message>
        <source>after training, write this many synthetic PNGs per class to OUTPUT/synthetic (0 = none)</source>
        <translation>训练结束后，向 OUTPUT/synthetic 写入每类这么多张合成 PNG（0 = 不写）</translation>
    </message>
    <message>
        <source>weight of the BN-statistics loss</source>
        <translation>BN 统计量损失的权重</translation>
    </message>
    <message>
        <source>KD temperature (GDFQ, ClusterQ)</source>
        <translation>KD 温度（GDFQ、ClusterQ）</translation>
    </message>
    <message>
        <source>weight of the class-cluster alignment loss</source>
        <translation>类别聚类对齐损失的权重</translation>
    </message>
    <message>
        <source>epoch from which the cluster loss is on</source>
        <translation>聚类损失开始生效的轮次</translation>
    </message>
    <message>
        <source>EMA decay of the class centroids</source>
        <translation>类别质心的 EMA 衰减率</translation>
    </message>
    <message>
        <source>EMA-updated centroids (off: replaced each epoch)</source>
        <translation>按 EMA 更新质心（关闭：每轮替换）</translation>
    </message>
    <message>
        <source>Gaussian perturbation of the targets (relative)</source>
        <translation>目标的高斯扰动（相对值）</translation>
    </message>
    <message>
        <source>intra-class diversity term</source>
        <translation>类内多样性项</translation>
    </message>
    <message>
        <source>probability of crop+flip of synthetic images for the student</source>
        <translation>为学生对合成图像做裁剪和翻转的概率</translation>
    </message>
    <message>
        <source>smallest area fraction of the random resized crop</source>
        <translation>随机缩放裁剪的最小面积比例</translation>
    </message>
    <message>
        <source>large-kernel attention in the generator</source>
        <translation>生成器中的大核注意力</translation>
    </message>
    <message>
        <source>Adversarial Margin Add loss</source>
        <translation>对抗性间隔添加（AMA）损失</translation>
    </message>
    <message>
        <source>weight of the AMA loss</source>
        <translation>AMA 损失的权重</translation>
    </message>
    <message>
        <source>AMA logit scale s</source>
        <translation>AMA logit 缩放 s</translation>
    </message>
    <message>
        <source>AMA angular margin m (radians)</source>
        <translation>AMA 角度间隔 m（弧度）</translation>
    </message>
    <message>
        <source>decoupled knowledge distillation (off: GDFQ KD)</source>
        <translation>解耦知识蒸馏（关闭：GDFQ 的 KD）</translation>
    </message>
    <message>
        <source>DKD target-class weight</source>
        <translation>DKD 目标类权重</translation>
    </message>
    <message>
        <source>DKD non-target-class weight</source>
        <translation>DKD 非目标类权重</translation>
    </message>
    <message>
        <source>DKD temperature</source>
        <translation>DKD 温度</translation>
    </message>
    <message>
        <source>epochs of linear DKD weight warm-up</source>
        <translation>DKD 权重线性预热的轮次</translation>
    </message>
    <message>
        <source>architecture when it cannot be detected from the file (resnet18/34/50/101, mobilenet_v2, mobilenet_v3_large, vgg16_bn, resnet20/56/110, fmnist)</source>
        <translation>无法从文件识别时使用的架构（resnet18/34/50/101、mobilenet_v2、mobilenet_v3_large、vgg16_bn、resnet20/56/110、fmnist）</translation>
    </message>
    <message>
        <source>preprocessing JSON to use instead of the sidecar beside the model (MODEL.json)</source>
        <translation>代替模型旁伴随文件（MODEL.json）使用的预处理 JSON</translation>
    </message>
    <message>
        <source>input size in pixels (-1 = the model&apos;s own; 0 = the data&apos;s size, for fully convolutional models)</source>
        <translation>输入尺寸（像素）（-1 = 模型自身的；0 = 数据的尺寸，适用于全卷积模型）</translation>
    </message>
    <message>
        <source>how data of another size becomes the input: none, resize (whole image), resize_crop (shorter side, then centre crop); model = the model&apos;s own</source>
        <translation>其他尺寸的数据如何变为输入：none、resize（整幅图像）、resize_crop（短边缩放后居中裁剪）；model = 模型自身的方式</translation>
    </message>
    <message>
        <source>resize_crop: shorter side before the centre crop (0 = the model&apos;s own, or input_size / 0.875)</source>
        <translation>resize_crop：居中裁剪前的短边长度（0 = 模型自身的，或 input_size / 0.875）</translation>
    </message>
    <message>
        <source>per-channel mean of the normalisation (empty = the model&apos;s own)</source>
        <translation>归一化的逐通道均值（留空 = 模型自身的）</translation>
    </message>
    <message>
        <source>per-channel std of the normalisation (empty = the model&apos;s own)</source>
        <translation>归一化的逐通道标准差（留空 = 模型自身的）</translation>
    </message>
    <message>
        <source>class names: a text file with one per line, or a comma-separated list (empty = the model&apos;s own)</source>
        <translation>类别名称：每行一个的文本文件，或逗号分隔的列表（留空 = 模型自身的）</translation>
    </message>
    <message>
        <source>calibration data: method = the method&apos;s own (ZeroQ&apos;s distilled images, the generator&apos;s samples); real = real training images (the ceiling, not zero-shot)</source>
        <translation>校准数据：method = 方法自身的数据（ZeroQ 的蒸馏图像、生成器的样本）；real = 真实训练图像（上限，并非零样本）</translation>
    </message>
    <message>
        <source>calibration images</source>
        <translation>校准图像数</translation>
    </message>
    <message>
        <source>weight of the rounding regulariser</source>
        <translation>舍入正则项的权重</translation>
    </message>
    <message>
        <source>norm of the range search (2.4 as GENIE)</source>
        <translation>范围搜索所用的范数（2.4，同 GENIE）</translation>
    </message>
    <message>
        <source>calibration images from a file (a run&apos;s OUTPUT/calibration.pt) instead of the source</source>
        <translation>从文件（某次运行的 OUTPUT/calibration.pt）读取校准图像，而不是从来源获取</translation>
    </message>
    <message>
        <source>schedule profile: quick (2-core CPU), classroom (a 1-minute run with frequent images, for demos), paper (published schedules), custom</source>
        <translation>日程配置：quick（2 核 CPU）、classroom（约 1 分钟、频繁更新图像的运行，用于演示）、paper（论文中的日程）、custom</translation>
    </message>
    <message>
        <source>local processes that split each batch (zsq quantize --nproc; threads per process = cores / processes)</source>
        <translation>分摊每个批次的本地进程数（zsq quantize --nproc；每进程线程数 = 核数 / 进程数）</translation>
    </message>
    <message>
        <source>collective backend of a data-parallel run: auto = Gloo on CPU, NCCL on CUDA</source>
        <translation>数据并行运行的集合通信后端：auto = CPU 上用 Gloo，CUDA 上用 NCCL</translation>
    </message>
    <message>
        <source>seconds a data-parallel rank waits for the others (rendezvous, collectives) before failing</source>
        <translation>数据并行中一个 rank 在失败前等待其他 rank 的秒数（会合、集合通信）</translation>
    </message>
    <message>
        <source>after the method: ranges = weight and activation ranges by Lp error search; adaround = that, then every layer&apos;s rounding learned on calibration data; brecq = ranges, then each block&apos;s rounding and activation ranges learned together</source>
        <translation>方法之后：ranges = 通过 Lp 误差搜索确定权重和激活范围；adaround = 在此基础上用校准数据学习每一层的舍入；brecq = 范围搜索后，逐块联合学习舍入和激活范围</translation>
    </message>
    <message>
        <source>AdaRound steps per layer (brecq: per block)</source>
        <translation>每层的 AdaRound 步数（brecq：每块）</translation>
    </message>
    <message>
        <source>calibration images per refinement step</source>
        <translation>每个细化步骤的校准图像数</translation>
    </message>
    <message>
        <source>Adam learning rate of the rounding variables (0: round to nearest)</source>
        <translation>舍入变量的 Adam 学习率（0：四舍五入到最近值）</translation>
    </message>
    <message>
        <source>brecq: Adam learning rate of the activation ranges (LSQ+; 0: keep the searched ranges)</source>
        <translation>brecq：激活范围的 Adam 学习率（LSQ+；0：保留搜索得到的范围）</translation>
    </message>
    <message>
        <source>QDrop: probability that an activation element stays float while refining (0 = off; -1: 0.5 for brecq, 0 for adaround)</source>
        <translation>QDrop：细化时激活元素保持浮点值的概率（0 = 关闭；-1：brecq 为 0.5，adaround 为 0）</translation>
    </message>
    <message>
        <source>GENIE: distilled images (the calibration set of the refinement)</source>
        <translation>GENIE：蒸馏得到的图像数（即细化的校准集）</translation>
    </message>
    <message>
        <source>GENIE: images per batch (each batch has its own generator and latent vectors)</source>
        <translation>GENIE：每批图像数（每批有自己的生成器和潜向量）</translation>
    </message>
    <message>
        <source>GENIE: optimisation steps per batch</source>
        <translation>GENIE：每批的优化步数</translation>
    </message>
    <message>
        <source>GENIE: Adam learning rate of the latent vectors</source>
        <translation>GENIE：潜向量的 Adam 学习率</translation>
    </message>
    <message>
        <source>GENIE: Adam learning rate of the generator</source>
        <translation>GENIE：生成器的 Adam 学习率</translation>
    </message>
    <message>
        <source>GENIE: swing convolution, pixels by which a strided convolution&apos;s input is shifted at random while distilling (0 = off)</source>
        <translation>GENIE：摆动卷积，蒸馏时步长大于 1 的卷积的输入随机平移的像素数（0 = 关闭）</translation>
    </message>
    <message>
        <source>brecq: Adam learning rate of each weight channel&apos;s step size (GENIE-M; 0: keep the searched ranges)</source>
        <translation>brecq：每个权重通道步长的 Adam 学习率（GENIE-M；0：保留搜索得到的范围）</translation>
    </message>
    <message>
        <source>weights the refinement starts from: the method&apos;s student, or the float teacher&apos;s (the method then gives only its calibration images)</source>
        <translation>细化的起点权重：方法得到的学生模型，或浮点教师模型的权重（此时方法只提供其校准图像）</translation>
    </message>
    <message>
        <source>how weight and activation ranges start before the refinement: lp = the clipping with the least Lp error; percentile = clipped at refine.percentile; minmax = the raw extremes</source>
        <translation>细化前权重和激活范围的初始方式：lp = Lp 误差最小的截断；percentile = 在 refine.percentile 处截断；minmax = 原始极值</translation>
    </message>
    <message>
        <source>range_init percentile: the percentile (and 100 minus it) where ranges are clipped</source>
        <translation>range_init 百分位：范围被截断处的百分位（及 100 减去它）</translation>
    </message>
    <message>
        <source>per-quantizer range_init overrides, &apos;name:init;name:init&apos; (weight layer or activation quantizer names, as zsq info --layers lists them)</source>
        <translation>按量化器覆盖 range_init，&apos;name:init;name:init&apos;（权重层或激活量化器的名称，见 zsq info --layers）</translation>
    </message>
    <message>
        <source>GENIE/BRECQ protocol: the first and last layer&apos;s weights and the last layer&apos;s input activations at this width (0 = every layer at wbits/abits, as GDFQ)</source>
        <translation>GENIE/BRECQ 协议：第一层和最后一层的权重以及最后一层的输入激活使用此位宽（0 = 每层都用 wbits/abits，同 GDFQ）</translation>
    </message>
</context>
<context>
    <name>zsq::ui::PreprocessingEditor</name>
    <message>
        <source>Config key: %1</source>
        <translation>配置键：%1</translation>
    </message>
    <message>
        <source>Preprocessing</source>
        <translation>预处理</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>None: the data&apos;s own size</source>
        <translation>无：使用数据自身的尺寸</translation>
    </message>
    <message>
        <source>Resize to the input size</source>
        <translation>缩放到输入尺寸</translation>
    </message>
    <message>
        <source>Resize, then centre crop</source>
        <translation>先缩放，再居中裁剪</translation>
    </message>
    <message>
        <source>One number per channel, separated by commas, or one for all.</source>
        <translation>每个通道一个数，以逗号分隔；或用一个数表示全部通道。</translation>
    </message>
    <message>
        <source>Check on Dataset</source>
        <translation>在数据集上检查</translation>
    </message>
    <message>
        <source>Measure the full-precision model&apos;s top-1 on the first 500 images of the Run panel&apos;s dataset with this preprocessing. Near chance means the preprocessing is almost certainly not the one the model was trained with.</source>
        <translation>用此预处理在运行面板所选数据集的前 500 张图像上测量全精度模型的 Top-1。接近随机水平说明该预处理几乎肯定不是模型训练时所用的。</translation>
    </message>
    <message>
        <source>&amp;Input size:</source>
        <translation>输入尺寸(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Resize:</source>
        <translation>缩放(&amp;R)：</translation>
    </message>
    <message>
        <source>Resize si&amp;ze:</source>
        <translation>缩放尺寸(&amp;Z)：</translation>
    </message>
    <message>
        <source>&amp;Mean:</source>
        <translation>均值(&amp;M)：</translation>
    </message>
    <message>
        <source>S&amp;td:</source>
        <translation>标准差(&amp;T)：</translation>
    </message>
    <message>
        <source>C&amp;lass names:</source>
        <translation>类别名称(&amp;L)：</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>当前使用：%1</translation>
    </message>
    <message>
        <source>Where the values come from: %1</source>
        <translation>数值来源：%1</translation>
    </message>
    <message>
        <source>⚠ %1 does not say how its inputs were normalised: the mean and std in use are the defaults of %2, a guess. If the model was trained with others, enter them here (or put a %3 beside the model): every accuracy and every synthetic image depends on them.</source>
        <translation>⚠ %1 未说明其输入是如何归一化的：当前使用的均值和标准差是 %2 的默认值，只是猜测。如果模型是用其他值训练的，请在此填写（或在模型旁放置 %3）：所有准确率和所有合成图像都取决于它们。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Model&apos;s</source>
        <translation>模型自身</translation>
    </message>
    <message>
        <source>Model&apos;s: %1 px</source>
        <translation>模型自身：%1 像素</translation>
    </message>
    <message>
        <source>Model&apos;s: the data&apos;s size</source>
        <translation>模型自身：数据的尺寸</translation>
    </message>
    <message>
        <source>Model&apos;s: %1</source>
        <translation>模型自身：%1</translation>
    </message>
    <message>
        <source>none: class numbers</source>
        <translation>无：使用类别编号</translation>
    </message>
    <message>
        <source>These settings do not fit the model: %1</source>
        <translation>这些设置与模型不符：%1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>⚠ Full-precision top-1 on the first %1 images of %2: %3 %, near chance (%4 %). The preprocessing is almost certainly not the one the model was trained with.</source>
        <translation>⚠ 在 %2 的前 %1 张图像上的全精度 Top-1：%3 %，接近随机水平（%4 %）。该预处理几乎肯定不是模型训练时所用的。</translation>
    </message>
    <message>
        <source>Full-precision top-1 on the first %1 images of %2: %3 %.</source>
        <translation>在 %2 的前 %1 张图像上的全精度 Top-1：%3 %。</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ProcessRun</name>
    <message>
        <source>A run is already going.</source>
        <translation>已有一个运行正在进行。</translation>
    </message>
    <message>
        <source>A run with %1 processes needs the command-line program zsq, which is not at %2. Install it next to ZSQ Studio (or name it in the ZSQ_CLI environment variable), or choose 1 process.</source>
        <translation>%1 个进程的运行需要命令行程序 zsq，但它不在 %2。请将它安装在 ZSQ Studio 旁边（或在环境变量 ZSQ_CLI 中指定），或选择 1 个进程。</translation>
    </message>
    <message>
        <source>Cannot write the run&apos;s settings to %1: %2</source>
        <translation>无法将运行设置写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>zsq quantize ended abnormally (%1).</source>
        <translation>zsq quantize 异常结束（%1）。</translation>
    </message>
    <message>
        <source>zsq quantize ended with exit code %1.</source>
        <translation>zsq quantize 以退出码 %1 结束。</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ResultsView</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>ZSQ Studio results</source>
        <translation>ZSQ Studio 结果</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>W/A bits</source>
        <translation>W/A 位宽</translation>
    </message>
    <message>
        <source>Avg. weight bits</source>
        <translation>平均权重位宽</translation>
    </message>
    <message>
        <source>Size (KiB)</source>
        <translation>大小 (KiB)</translation>
    </message>
    <message>
        <source>FP top-1 (%)</source>
        <translation>全精度 Top-1 (%)</translation>
    </message>
    <message>
        <source>Quantized top-1 (%)</source>
        <translation>量化后 Top-1 (%)</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间 (秒)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Select two or more rows (Ctrl+click) to overlay their curves.</source>
        <translation>选择两行或更多行（Ctrl+单击）以叠加显示其曲线。</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Remove the selected runs from the session; their folders stay on disk</source>
        <translation>从会话中移除所选运行；其文件夹仍保留在磁盘上</translation>
    </message>
    <message>
        <source> (stopped)</source>
        <translation>（已停止）</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Loss and top-1 of every run</source>
        <translation>每次运行的损失和 Top-1</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export Results as CSV</source>
        <translation>将结果导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export Results as HTML</source>
        <translation>将结果导出为 HTML</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>E&amp;xport HTML Report…</source>
        <translation>导出 HTML 报告(&amp;X)…</translation>
    </message>
    <message>
        <source>Remove from L&amp;ist</source>
        <translation>从列表中移除(&amp;I)</translation>
    </message>
    <message>
        <source>Export &amp;Model…</source>
        <translation>导出模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Write the selected run&apos;s quantized model as ONNX (QDQ) or TorchScript, to run it in ONNX Runtime or PyTorch</source>
        <translation>将所选运行的量化模型写为 ONNX（QDQ）或 TorchScript，以便在 ONNX Runtime 或 PyTorch 中运行</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source> (real data)</source>
        <translation>（真实数据）</translation>
    </message>
    <message>
        <source>Re&amp;fine…</source>
        <translation>精调(&amp;F)…</translation>
    </message>
    <message>
        <source>Refine the selected run&apos;s student (ranges, AdaRound, BRECQ) without training again; the result is a new run</source>
        <translation>不重新训练，精调选中运行的学生模型（ranges、AdaRound、BRECQ）；结果是一次新的运行</translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunAnalysisReport</name>
    <message>
        <source>Per-layer analysis</source>
        <translation>逐层分析</translation>
    </message>
    <message>
        <source>%1 layers, measured on %2.</source>
        <translation>%1 层，在 %2 上测量。</translation>
    </message>
    <message>
        <source>Accuracy with only this layer quantized</source>
        <translation>只量化该层时的准确率</translation>
    </message>
    <message>
        <source>Accuracy with this layer and all before it quantized</source>
        <translation>量化该层及其之前所有层时的准确率</translation>
    </message>
    <message>
        <source>SQNR of each layer&apos;s output in the fully quantized model</source>
        <translation>完全量化模型中每层输出的 SQNR</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>W bits</source>
        <translation>W 位宽</translation>
    </message>
    <message>
        <source>Single (%)</source>
        <translation>单层 (%)</translation>
    </message>
    <message>
        <source>Cumulative (%)</source>
        <translation>累积 (%)</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦</translation>
    </message>
    <message numerus="yes">
        <source>t-SNE of the student&apos;s penultimate features (%n point(s))</source>
        <translation>
            <numerusform>学生模型倒数第二层特征的 t-SNE（%n 个点）</numerusform>
        </translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>Analyses of %1 (%2 W%3A%4)</source>
        <translation>%1 的分析（%2 W%3A%4）</translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunChooser</name>
    <message>
        <source>Look again at the curves and images of a finished run of this session</source>
        <translation>重新查看本会话中已完成运行的曲线和图像</translation>
    </message>
    <message>
        <source>Sho&amp;wn run:</source>
        <translation>显示的运行(&amp;W)：</translation>
    </message>
    <message>
        <source>the run in progress</source>
        <translation>正在进行的运行</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunController</name>
    <message>
        <source>Started %1 processes (zsq quantize --nproc %1); the progress shown is rank 0&apos;s, over the global batch.</source>
        <translation>已启动 %1 个进程（zsq quantize --nproc %1）；显示的进度来自 rank 0，覆盖整个全局批次。</translation>
    </message>
    <message>
        <source>zsq quantize ended without a result.</source>
        <translation>zsq quantize 结束但没有结果。</translation>
    </message>
    <message>
        <source>%1 · rank 0 of %2</source>
        <translation>%1 · rank 0 / 共 %2 个</translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunCurves</name>
    <message>
        <source>Iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Top-1 (%)</source>
        <translation>Top-1 (%)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunPanel</name>
    <message>
        <source>LRQ: a long-range generator (large-kernel attention), Adversarial Margin Add and decoupled distillation.</source>
        <translation>LRQ：长程生成器（大核注意力）、对抗性间隔叠加（AMA）与解耦知识蒸馏。</translation>
    </message>
    <message>
        <source>ClusterQ: aligns synthetic features with per-class clusters of BatchNorm statistics, with EMA centroids and a diversity term.</source>
        <translation>ClusterQ：将合成特征与按类别聚类的 BatchNorm 统计量对齐，使用 EMA 质心和多样性项。</translation>
    </message>
    <message>
        <source>GDFQ: a class-conditional generator matched to the BatchNorm statistics; the common baseline.</source>
        <translation>GDFQ：与 BatchNorm 统计量匹配的类别条件生成器；通用基线。</translation>
    </message>
    <message>
        <source>ZeroQ-style PTQ: distils one batch from the BatchNorm statistics and calibrates; no fine-tuning (the floor).</source>
        <translation>ZeroQ 式 PTQ：从 BatchNorm 统计量蒸馏出一个批次并进行校准；不做微调（下限）。</translation>
    </message>
    <message>
        <source>Real data: the same fine-tuning on the real training set. The ceiling, not zero-shot.</source>
        <translation>真实数据：在真实训练集上进行同样的微调。这是上限，并非零样本。</translation>
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
        <translation>真实数据上限</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M)：</translation>
    </message>
    <message>
        <source>Weight bit width</source>
        <translation>权重位宽</translation>
    </message>
    <message>
        <source>Activation bit width</source>
        <translation>激活位宽</translation>
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
        <translation>位宽(&amp;B)：</translation>
    </message>
    <message>
        <source>Quick (minutes on a laptop CPU)</source>
        <translation>快速（笔记本 CPU 上几分钟）</translation>
    </message>
    <message>
        <source>Paper (the published schedules)</source>
        <translation>论文（已发表的训练计划）</translation>
    </message>
    <message>
        <source>Custom (advanced values only)</source>
        <translation>自定义（仅使用高级参数值）</translation>
    </message>
    <message>
        <source>The profile fills the training schedule; values you change under Advanced win</source>
        <translation>配置档填充训练计划；您在“高级”中修改的值优先</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>配置档(&amp;P)：</translation>
    </message>
    <message>
        <source>Random seed: CPU runs with the same seed repeat exactly</source>
        <translation>随机种子：使用相同种子的 CPU 运行结果完全可复现</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <source>auto, cpu, cuda or cuda:N</source>
        <translation>auto、cpu、cuda 或 cuda:N</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>Evaluation dataset: a name, a folder, or none (quantize without any data)</source>
        <translation>评估数据集：名称、文件夹，或 none（完全不使用数据进行量化）</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose a dataset folder</source>
        <translation>选择数据集文件夹</translation>
    </message>
    <message>
        <source>D&amp;ataset:</source>
        <translation>数据集(&amp;A)：</translation>
    </message>
    <message>
        <source>new folder in %1</source>
        <translation>%1 中的新文件夹</translation>
    </message>
    <message>
        <source>Output folder for quantized.zsq, quant_params.json, result.json and run.ckpt</source>
        <translation>quantized.zsq、quant_params.json、result.json 和 run.ckpt 的输出文件夹</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>选择输出文件夹</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>输出(&amp;O)：</translation>
    </message>
    <message>
        <source>Ad&amp;vanced hyperparameters</source>
        <translation>高级超参数(&amp;V)</translation>
    </message>
    <message>
        <source>No data at all: the accuracy is not measured.</source>
        <translation>完全不使用数据：不测量准确率。</translation>
    </message>
    <message>
        <source>Folder of IDX files, CIFAR batches or class sub-folders.</source>
        <translation>包含 IDX 文件、CIFAR 批次文件或类别子文件夹的文件夹。</translation>
    </message>
    <message>
        <source>Folder not found.</source>
        <translation>未找到文件夹。</translation>
    </message>
    <message>
        <source>Not installed (for Fashion-MNIST: apt install dataset-fashion-mnist).</source>
        <translation>未安装（Fashion-MNIST：apt install dataset-fashion-mnist）。</translation>
    </message>
    <message>
        <source>Found in %1</source>
        <translation>位于 %1</translation>
    </message>
    <message>
        <source>Dataset Folder</source>
        <translation>数据集文件夹</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Classroom (half a minute, frequent images)</source>
        <translation>课堂（约半分钟，频繁更新图像）</translation>
    </message>
    <message>
        <source>GENIE: distils images with a small generator and learnable latents per batch (BatchNorm statistics, swing convolution), then refines block by block (BRECQ); no fine-tuning.</source>
        <translation>GENIE：每个批次用一个小生成器和可学习的隐变量蒸馏图像（BatchNorm 统计量、摆动卷积），然后逐块细化（BRECQ）；不进行微调。</translation>
    </message>
    <message>
        <source>GENIE</source>
        <translation>GENIE</translation>
    </message>
    <message>
        <source>P&amp;rocesses:</source>
        <translation>进程数(&amp;R)：</translation>
    </message>
    <message>
        <source>One process: the run goes on inside ZSQ Studio.</source>
        <translation>一个进程：运行在 ZSQ Studio 内部进行。</translation>
    </message>
    <message>
        <source>%1 processes of zsq, %2 threads each; every batch is split between them. The progress shown is rank 0&apos;s, over the whole batch. Pause is not available.</source>
        <translation>%1 个 zsq 进程，每个 %2 个线程；每个批次在它们之间拆分。显示的进度来自 rank 0，覆盖整个批次。无法暂停。</translation>
    </message>
    <message>
        <source>On CUDA, process r uses GPU r.</source>
        <translation>在 CUDA 上，进程 r 使用 GPU r。</translation>
    </message>
    <message>
        <source>%1 distils on rank 0 alone: more processes do not make it faster.</source>
        <translation>%1 只在 rank 0 上蒸馏：更多进程不会让它更快。</translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunQueue</name>
    <message>
        <source>a new batch was queued</source>
        <translation>已排入新的一批运行</translation>
    </message>
</context>
<context>
    <name>zsq::ui::RunStatus</name>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>%1 it/s</source>
        <translation>%1 次迭代/秒</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>剩余 %1</translation>
    </message>
</context>
<context>
    <name>zsq::ui::Session</name>
    <message>
        <source>not a ZSQ Studio session file</source>
        <translation>不是 ZSQ Studio 会话文件</translation>
    </message>
    <message>
        <source>the session was written by a newer ZSQ Studio</source>
        <translation>该会话由更新版本的 ZSQ Studio 写入</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>zsq::ui::SessionRun</name>
    <message>
        <source> (first/last layer %1-bit)</source>
        <translation>（首/末层 %1 位）</translation>
    </message>
    <message>
        <source>accuracy not measured (no dataset)</source>
        <translation>未测量准确率（无数据集）</translation>
    </message>
    <message>
        <source>accuracy not measured (stopped during the final evaluation)</source>
        <translation>未测量准确率（在最终评估时被停止）</translation>
    </message>
    <message>
        <source>accuracy not measured</source>
        <translation>未测量准确率</translation>
    </message>
</context>
<context>
    <name>zsq::ui::TsnePlot</name>
    <message>
        <source>Point %1</source>
        <translation>点 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>zsq::ui::TsneView</name>
    <message>
        <source>Plot</source>
        <translation>散点图</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>&lt;p&gt;t-SNE places every sample as a point so that samples that are neighbours in the model&apos;s feature space (the layer before the classifier) stay neighbours in the plane. One tight cluster per class means the model separates the classes well; the distances between clusters and their sizes mean little.&lt;/p&gt;&lt;p&gt;Synthetic samples (open markers) that fall inside the real clusters of their class look like real data to the model: they make good calibration and fine-tuning data. Synthetic clusters away from all real ones are shortcuts that satisfy the model but that real images never show.&lt;/p&gt;&lt;p&gt;The &lt;b&gt;intra-class angle&lt;/b&gt; is the mean angle between a sample&apos;s features and its class mean: a small angle is a compact class. LRQ&apos;s Adversarial Margin Add (AMA) with its negative margin lets synthetic samples stay further from the class centre, so a larger angle on a synthetic set means more diverse samples. The &lt;b&gt;silhouette&lt;/b&gt; is +1 for well separated classes and 0 for overlapping ones; &lt;b&gt;10-NN class agreement&lt;/b&gt; is the share of a point&apos;s ten nearest neighbours that have its class, &lt;b&gt;preservation&lt;/b&gt; the share of its neighbours that t-SNE kept.&lt;/p&gt;</source>
        <translation>&lt;p&gt;t-SNE 把每个样本画成一个点，使在模型特征空间（分类器之前的那一层）中相邻的样本在平面上仍然相邻。每个类别形成一个紧密的簇，说明模型能很好地区分各类；簇之间的距离和簇的大小意义不大。&lt;/p&gt;&lt;p&gt;落在本类真实样本簇内的合成样本（空心标记）在模型看来与真实数据相似：它们是很好的校准和微调数据。远离所有真实簇的合成簇则是捷径——能满足模型，但真实图像中从不出现。&lt;/p&gt;&lt;p&gt;&lt;b&gt;类内角度&lt;/b&gt;是样本特征与其类别均值之间的平均夹角：角度小表示类别紧凑。LRQ 的对抗边距附加（AMA）采用负边距，使合成样本可以离类中心更远，因此合成样本集的角度更大意味着样本更多样。&lt;b&gt;轮廓系数&lt;/b&gt;对分离良好的类别为 +1，对重叠的类别为 0；&lt;b&gt;10-NN 类别一致率&lt;/b&gt;是一个点的十个最近邻中与其同类的比例，&lt;b&gt;保持率&lt;/b&gt;是 t-SNE 保留下来的近邻所占的比例。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The figures appear here when the embedding has finished.</source>
        <translation>嵌入完成后，各项指标将显示在这里。</translation>
    </message>
    <message>
        <source>Iteration %1 of %2, KL %3</source>
        <translation>第 %1 / %2 次迭代，KL %3</translation>
    </message>
    <message>
        <source>Iteration %1 of %2</source>
        <translation>第 %1 / %2 次迭代</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Open model (full precision)</source>
        <translation>已打开的模型（全精度）</translation>
    </message>
    <message>
        <source>Whose features are embedded: the open model&apos;s, or a quantized student&apos;s</source>
        <translation>嵌入谁的特征：已打开模型的，或某个量化学生模型的</translation>
    </message>
    <message>
        <source>Real evaluation data</source>
        <translation>真实评估数据</translation>
    </message>
    <message>
        <source>Test samples of the Run panel&apos;s dataset</source>
        <translation>运行面板中数据集的测试样本</translation>
    </message>
    <message>
        <source>The first N test samples</source>
        <translation>前 N 个测试样本</translation>
    </message>
    <message>
        <source>Folders of synthetic images in class sub-folders; a finished run&apos;s export (export.synthetic_per_class) is added here</source>
        <translation>按类别子文件夹存放的合成图像文件夹；已完成运行的导出（export.synthetic_per_class）会自动加入这里</translation>
    </message>
    <message>
        <source>Synthetic sets:</source>
        <translation>合成样本集：</translation>
    </message>
    <message>
        <source>Roughly the number of neighbours each point keeps close (5 to 50)</source>
        <translation>大致是每个点保持靠近的近邻数量（5 到 50）</translation>
    </message>
    <message>
        <source>Barnes-Hut accuracy: 0 is exact t-SNE (slow above a few thousand points)</source>
        <translation>Barnes-Hut 精度：0 为精确 t-SNE（超过几千个点时很慢）</translation>
    </message>
    <message>
        <source>&amp;Iterations:</source>
        <translation>迭代次数(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>导出 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Writes tsne.csv (points) and tsne.json (figures) into a folder</source>
        <translation>将 tsne.csv（各点）和 tsne.json（指标）写入一个文件夹</translation>
    </message>
    <message>
        <source>%1 (quantized)</source>
        <translation>%1（量化）</translation>
    </message>
    <message>
        <source>Nothing to embed: tick the real data (with a dataset in the Run panel) or a synthetic set.</source>
        <translation>没有可嵌入的样本：请勾选真实数据（运行面板中需有数据集）或某个合成样本集。</translation>
    </message>
    <message>
        <source>Computing the features…</source>
        <translation>正在计算特征…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n point(s).</source>
        <translation>
            <numerusform>完成：%n 个点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Synthetic Images Folder</source>
        <translation>合成图像文件夹</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Wrote tsne.csv and tsne.json to %1</source>
        <translation>已将 tsne.csv 和 tsne.json 写入 %1</translation>
    </message>
    <message>
        <source>Export t-SNE Plot</source>
        <translation>导出 t-SNE 图</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Export t-SNE Points</source>
        <translation>导出 t-SNE 点</translation>
    </message>
    <message>
        <source>Feat&amp;ures of:</source>
        <translation>特征来源(&amp;U)：</translation>
    </message>
    <message>
        <source>Sampl&amp;es:</source>
        <translation>样本数(&amp;E)：</translation>
    </message>
    <message>
        <source>Add Fol&amp;der…</source>
        <translation>添加文件夹(&amp;D)…</translation>
    </message>
    <message>
        <source>Perple&amp;xity:</source>
        <translation>困惑度(&amp;X)：</translation>
    </message>
    <message>
        <source>Thet&amp;a:</source>
        <translation>Theta(&amp;A)：</translation>
    </message>
    <message>
        <source>Kept in %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Could not keep it with the run: %1</source>
        <translation>无法随运行保存：%1</translation>
    </message>
    <message numerus="yes">
        <source>The embedding kept with %1 (%n point(s)): press Start to compute it again.</source>
        <translation>
            <numerusform>保存在 %1 中的嵌入（%n 个点）：按“开始”重新计算。</numerusform>
        </translation>
    </message>
    <message>
        <source>The folders of %1 are gone; Start leaves them out.</source>
        <translation>%1 的文件夹已不存在；开始时将略过它们。</translation>
    </message>
</context>
<context>
    <name>zsq::ui::ViewExplanations</name>
    <message>
        <source>&lt;p&gt;The layers of the open model, with the shape of its weights and its number of parameters. &lt;b&gt;Quantizable&lt;/b&gt; layers (convolutions and fully connected layers) get their weights rounded to 2&lt;sup&gt;b&lt;/sup&gt; levels per output channel, b being the weight bit width; BatchNorm layers stay in floating point. The output of every ReLU is quantized too (the activation bits).&lt;/p&gt;&lt;p&gt;At 4-bit weights the model takes one eighth of its 32-bit size. The BatchNorm statistics stored in the model (the mean and variance of each layer&apos;s inputs on the training data) are all that the zero-shot methods know of the data the model was trained on.&lt;/p&gt;</source>
        <translation>&lt;p&gt;已打开模型的各层，以及每层权重的形状和参数数量。&lt;b&gt;可量化&lt;/b&gt;层（卷积层和全连接层）的权重按每个输出通道舍入到 2&lt;sup&gt;b&lt;/sup&gt; 个量化级，b 为权重位宽；BatchNorm 层保持浮点。每个 ReLU 的输出同样被量化（激活位宽）。&lt;/p&gt;&lt;p&gt;4 位权重时，模型只占其 32 位大小的八分之一。模型中存储的 BatchNorm 统计量（训练数据上每层输入的均值和方差）是零样本方法对模型训练数据所知的全部。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Two models learn at once. The &lt;b&gt;generator&lt;/b&gt; G (upper plot) learns to make images that the full-precision model recognises; the quantized &lt;b&gt;student&lt;/b&gt; (lower plot) learns on those images to answer like the full-precision model. No real image is used by either.&lt;/p&gt;&lt;p&gt;Generator losses: &lt;b&gt;CE&lt;/b&gt; is the full-precision model&apos;s cross-entropy on the class G was asked for. &lt;b&gt;BNS&lt;/b&gt; (BatchNorm statistics) is how far the mean and variance of each layer&apos;s inputs on the synthetic batch are from those the model stored during its training: it makes synthetic batches statistically like real ones. &lt;b&gt;AMA&lt;/b&gt; (LRQ&apos;s Adversarial Margin Add) is a cross-entropy on the angle between a sample&apos;s features and its class centre with a negative margin, which keeps samples of a class from collapsing onto one point. The &lt;b&gt;cluster&lt;/b&gt; loss (ClusterQ) pulls each class&apos;s BatchNorm statistics towards a running per-class centroid, with noise added to the targets so that a class stays varied.&lt;/p&gt;&lt;p&gt;Student losses: &lt;b&gt;KD&lt;/b&gt; (knowledge distillation) matches the student&apos;s softened outputs to the full-precision model&apos;s; &lt;b&gt;DKD&lt;/b&gt; (LRQ&apos;s decoupled KD) splits that into the target class (TCKD, weight α) and the other classes (NCKD, weight β), giving more weight to how the teacher ranks the wrong classes. During the warm-up epochs only G trains, and the activation ranges are measured in the first epochs and then frozen. The bottom plot gives the student&apos;s top-1 on the evaluation data after each epoch; that data is never used for training.&lt;/p&gt;</source>
        <translation>&lt;p&gt;两个模型同时学习。&lt;b&gt;生成器&lt;/b&gt; G（上方图）学习生成全精度模型能够识别的图像；量化后的&lt;b&gt;学生&lt;/b&gt;模型（下方图）在这些图像上学习，使其输出与全精度模型一致。两者都不使用任何真实图像。&lt;/p&gt;&lt;p&gt;生成器损失：&lt;b&gt;CE&lt;/b&gt; 是全精度模型对 G 被要求生成的类别的交叉熵。&lt;b&gt;BNS&lt;/b&gt;（BatchNorm 统计量）衡量合成批次上每层输入的均值和方差与模型训练时存储的统计量之间的差距：它使合成批次在统计上接近真实数据。&lt;b&gt;AMA&lt;/b&gt;（LRQ 的对抗性间隔添加）是在样本特征与其类中心之间夹角上、带负间隔的交叉熵，防止同一类别的样本塌缩到一点。&lt;b&gt;聚类&lt;/b&gt;损失（cluster，ClusterQ）将每个类别的 BatchNorm 统计量拉向按滑动平均更新的类别质心，并在目标上加入噪声，使类别内部保持多样。&lt;/p&gt;&lt;p&gt;学生损失：&lt;b&gt;KD&lt;/b&gt;（知识蒸馏）使学生的软化输出与全精度模型一致；&lt;b&gt;DKD&lt;/b&gt;（LRQ 的解耦知识蒸馏）将其拆分为目标类部分（TCKD，权重 α）和非目标类部分（NCKD，权重 β），更加重视教师对错误类别的排序。预热轮次中只训练 G；激活范围在最初几个轮次中测量，然后冻结。最下方的图给出每个轮次结束后学生在评估数据上的 Top-1 准确率；这些数据从不用于训练。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each row is a class, each column a sample the generator made for that class at the iteration shown. They are not meant to look like photographs: they are made to match what the model knows (its BatchNorm statistics and its classifier), and they only have to be good calibration and fine-tuning data for the quantized student.&lt;/p&gt;&lt;p&gt;At the start they are noise; as the BNS loss falls they take on the contrast and textures of real data, and as the CE loss falls the model sees their class in them. A row of near-identical samples is &lt;b&gt;mode collapse&lt;/b&gt;: the student then sees one example per class, which is what LRQ&apos;s AMA and ClusterQ&apos;s diversity term work against. Move the history slider to look back at earlier iterations; click a sample to enlarge it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;每一行是一个类别，每一列是生成器在所示迭代时为该类别生成的一个样本。它们并不需要像照片：它们是为匹配模型所知的内容（其 BatchNorm 统计量和分类器）而生成的，只需成为量化学生模型良好的校准和微调数据。&lt;/p&gt;&lt;p&gt;起初它们是噪声；随着 BNS 损失下降，它们获得真实数据的对比度和纹理；随着 CE 损失下降，模型能在其中认出类别。一行几乎相同的样本就是&lt;b&gt;模式塌缩&lt;/b&gt;（mode collapse）：学生每个类别只能看到一个样例，LRQ 的 AMA 和 ClusterQ 的多样性项正是为对抗这一点。拖动历史滑块可回看更早的迭代；点击样本可将其放大。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;One row per finished run of this session: method, bit widths, size, top-1 of the full-precision and of the quantized model, and the time taken. Select several rows to overlay their curves. &lt;b&gt;PTQ&lt;/b&gt; (no fine-tuning) is the floor and fine-tuning on &lt;b&gt;real data&lt;/b&gt; the ceiling; the zero-shot methods lie between them.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Why W2 hurts more than W4:&lt;/b&gt; every bit halves the step between quantization levels. 2-bit weights have 4 levels per output channel against 16 at 4 bits, so the rounding step is five times as large (about 14 dB less signal-to-noise) and changes what each layer computes beyond what fine-tuning on synthetic data can repair. 4-bit activations are often harder still: one range per layer has to cover every input, so outliers cost all other values their resolution.&lt;/p&gt;</source>
        <translation>&lt;p&gt;本会话中每个已完成的运行占一行：方法、位宽、大小、全精度模型和量化模型的 Top-1 准确率以及耗时。选中多行可叠加显示它们的曲线。&lt;b&gt;PTQ&lt;/b&gt;（不微调）是下限，在&lt;b&gt;真实数据&lt;/b&gt;上微调是上限；零样本方法介于两者之间。&lt;/p&gt;&lt;p&gt;&lt;b&gt;为什么 W2 比 W4 损失更大：&lt;/b&gt;每减少一位，量化级之间的间距就加倍。2 位权重每个输出通道只有 4 个量化级，4 位则有 16 个，因此舍入步长大五倍（信噪比约低 14 dB），它改变了每层的计算，超出了在合成数据上微调所能修复的范围。4 位激活往往更难：每层一个范围必须覆盖所有输入，异常值会使其他所有值失去分辨率。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Preprocessing&lt;/b&gt; is part of a model: the input size, how images of another size are brought to it, and the mean and std each channel is normalised with. A network only works on inputs prepared as in its training; with others its accuracy drops towards chance and every synthetic image is off scale. A ZSQ checkpoint stores its preprocessing; a PyTorch state_dict does not, so its architecture&apos;s values are assumed until you give the right ones. &lt;b&gt;Check on Dataset&lt;/b&gt; measures the full-precision accuracy with the values shown.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;预处理&lt;/b&gt;是模型的一部分：输入尺寸、其他尺寸的图像如何变为该尺寸，以及每个通道归一化所用的均值和标准差。网络只有在输入按训练时的方式准备时才能正常工作；否则其准确率会降到接近随机水平，每张合成图像的数值范围也会出错。ZSQ 检查点保存了其预处理，PyTorch 的 state_dict 则没有：在给出正确数值之前，将假定使用其架构的默认值。&lt;b&gt;在数据集上检查&lt;/b&gt;会用所显示的数值测量全精度准确率。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;With a &lt;b&gt;refinement&lt;/b&gt; after the method (AdaRound, BRECQ), its output error against the full-precision model (&lt;b&gt;refine: layer MSE&lt;/b&gt; or &lt;b&gt;block MSE&lt;/b&gt;) follows in the student&apos;s plot after the method&apos;s last iteration, past a dashed line. Each layer or block starts again from its own error, so the curve steps at every new one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;若在方法之后进行&lt;b&gt;细化&lt;/b&gt;（AdaRound、BRECQ），其相对全精度模型的输出误差（&lt;b&gt;细化：层 MSE&lt;/b&gt; 或 &lt;b&gt;块 MSE&lt;/b&gt;）会在学生图中接在方法的最后一次迭代之后，位于一条虚线的右侧。每个层或块都从其自身的误差重新开始，因此曲线在每个新的层或块处跳变。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A method followed by &lt;b&gt;+ adaround&lt;/b&gt;, &lt;b&gt;+ brecq&lt;/b&gt; or &lt;b&gt;+ ranges&lt;/b&gt; was refined after the method on calibration images; &lt;b&gt;(real data)&lt;/b&gt; marks a refinement on real training images, a ceiling rather than a zero-shot result.&lt;/p&gt;</source>
        <translation>&lt;p&gt;方法名后带 &lt;b&gt;+ adaround&lt;/b&gt;、&lt;b&gt;+ brecq&lt;/b&gt; 或 &lt;b&gt;+ ranges&lt;/b&gt; 表示该方法之后又在校准图像上进行了细化；&lt;b&gt;（真实数据）&lt;/b&gt;表示在真实训练图像上进行的细化，它是上限，而不是零样本结果。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>zsq::ui::Worker</name>
    <message>
        <source>Unknown error.</source>
        <translation>未知错误。</translation>
    </message>
</context>
</TS>
