<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>User interface language, e.g. de or zh_CN (default: $ZSQ_LANG, else the system language).</source>
        <translation>界面语言，例如 de 或 zh_CN（默认：$ZSQ_LANG，未设置时使用系统语言）。</translation>
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
        <source>Tab to show at start (and to capture with --screenshot): model, training or images.</source>
        <translation>启动时显示的标签页（也用于 --screenshot 截图）：model、training 或 images。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>unknown tab &apos;%1&apos; (model, training, images)</source>
        <translation>未知的标签页“%1”（model、training、images）</translation>
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
        <source>Done; accuracy not measured (no dataset).</source>
        <translation>完成；未测量准确率（无数据集）。</translation>
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
</context>
<context>
    <name>zsq::ui::RunController</name>
    <message>
        <source>The run failed with an unknown error.</source>
        <translation>运行因未知错误而失败。</translation>
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
</TS>
