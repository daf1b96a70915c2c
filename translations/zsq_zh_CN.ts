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
</TS>
