<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mf::DisplayFormat</name>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
</context>
<context>
    <name>mf::LaunchOptions</name>
    <message>
        <source>ModelForge: train, compare and compress models on your own datasets.</source>
        <translation>ModelForge：在您自己的数据集上训练、比较和压缩模型。</translation>
    </message>
    <message>
        <source>Use the workspace in &lt;dir&gt; (its run store and run files) instead of the default.</source>
        <translation>使用 &lt;目录&gt; 中的工作区（其运行记录库和运行文件），而不是默认工作区。</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Render every available section and the main window offscreen to PNG files in &lt;dir&gt;, then exit.</source>
        <translation>在后台将每个可用的分区和主窗口渲染为 &lt;目录&gt; 中的 PNG 文件，然后退出。</translation>
    </message>
    <message>
        <source>User interface language: %1 (default: from the system locale).</source>
        <translation>界面语言：%1（默认：跟随系统区域设置）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2.</source>
        <translation>未知语言“%1”；请从以下选项中选择：%2。</translation>
    </message>
</context>
<context>
    <name>mf::MainWindow</name>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>Show the runs of another workspace directory</source>
        <translation>显示另一个工作区目录中的运行记录</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the run store again</source>
        <translation>重新读取运行记录库</translation>
    </message>
    <message>
        <source>&amp;About ModelForge</source>
        <translation>关于 ModelForge(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Not available yet.</source>
        <translation>尚未推出。</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Load MNIST, CIFAR, CSV and image-folder datasets; browse samples and check class balance.</source>
        <translation>加载 MNIST、CIFAR、CSV 和图像文件夹数据集；浏览样本并检查类别分布。</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>Compose an augmentation pipeline and preview it on sample images.</source>
        <translation>组合数据增强流水线，并在样本图像上预览效果。</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Configure a model and optimiser, start training and follow loss and accuracy live.</source>
        <translation>配置模型和优化器，开始训练并实时查看损失和准确率。</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Every training run in the workspace: status, parameters and final metrics.</source>
        <translation>工作区中的所有训练运行：状态、参数和最终指标。</translation>
    </message>
    <message>
        <source>Compress</source>
        <translation>压缩</translation>
    </message>
    <message>
        <source>Prune, quantise or distil a trained model and compare its size, speed and accuracy.</source>
        <translation>对训练好的模型进行剪枝、量化或蒸馏，并比较其大小、速度和准确率。</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>投资回报</translation>
    </message>
    <message>
        <source>Weigh a model&apos;s costs against its benefits: net present value, internal rate of return and payback.</source>
        <translation>权衡模型的成本与收益：净现值、内部收益率和投资回收期。</translation>
    </message>
    <message>
        <source>%1 — ModelForge</source>
        <translation>%1 — ModelForge</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>About ModelForge</source>
        <translation>关于 ModelForge</translation>
    </message>
    <message>
        <source>A desktop workbench to train, compare and compress models.</source>
        <translation>用于训练、比较和压缩模型的桌面工作台。</translation>
    </message>
    <message>
        <source>Runs: %1 · updated %2</source>
        <translation>运行：%1 · 更新于 %2</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Run store unavailable</source>
        <translation>运行记录库不可用</translation>
    </message>
</context>
<context>
    <name>mf::MetricChart</name>
    <message>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>%1 (raw %2)</source>
        <translation>%1（原始值 %2）</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>于 %1</translation>
    </message>
</context>
<context>
    <name>mf::RunDetailsPane</name>
    <message>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>No parameters recorded.</source>
        <translation>未记录参数。</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>最后的值</translation>
    </message>
    <message>
        <source>No metrics logged.</source>
        <translation>未记录指标。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Final metrics</source>
        <translation>最终指标</translation>
    </message>
    <message>
        <source>Unnamed run</source>
        <translation>未命名的运行</translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1（#%2）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>still running</source>
        <translation>仍在运行</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>未选择运行</translation>
    </message>
    <message>
        <source>Select a run to see its status, parameters and final metrics.</source>
        <translation>选择一个运行以查看其状态、参数和最终指标。</translation>
    </message>
    <message>
        <source>Cannot show run #%1</source>
        <translation>无法显示运行 #%1</translation>
    </message>
</context>
<context>
    <name>mf::RunStoreReader</name>
    <message>
        <source>The run no longer exists.</source>
        <translation>该运行已不存在。</translation>
    </message>
</context>
<context>
    <name>mf::RunsPage</name>
    <message>
        <source>Filter by name, status, dataset or model</source>
        <translation>按名称、状态、数据集或模型筛选</translation>
    </message>
    <message>
        <source>Loading runs…</source>
        <translation>正在加载运行记录…</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>还没有运行记录</translation>
    </message>
    <message>
        <source>Start one with modelforge-cli train … or the Train section.

Runs are read from %1</source>
        <translation>可以用 modelforge-cli train … 或“训练”分区开始一次运行。

运行记录读取自 %1</translation>
    </message>
    <message>
        <source>Cannot open the run store</source>
        <translation>无法打开运行记录库</translation>
    </message>
    <message>
        <source>The run store %1 could not be read.

%2

ModelForge retries when the file changes, or press F5.</source>
        <translation>无法读取运行记录库 %1。

%2

文件发生变化时 ModelForge 会自动重试，也可以按 F5 重试。</translation>
    </message>
</context>
<context>
    <name>mf::RunsTableModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Best val. acc.</source>
        <translation>最佳验证准确率</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>mf::ScreenshotWriter</name>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>无法创建目录 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
</TS>
