<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mf::AugmentPage</name>
    <message>
        <source>%1 · a table of %2 rows</source>
        <translation>%1 · %2 行的表格</translation>
    </message>
    <message>
        <source>%1 · %2 training images, %3</source>
        <translation>%1 · %2 张训练图像，%3</translation>
    </message>
    <message>
        <source>Open Dataset…</source>
        <translation>打开数据集…</translation>
    </message>
    <message>
        <source>Use Fashion-MNIST</source>
        <translation>使用 Fashion-MNIST</translation>
    </message>
    <message>
        <source>Dataset…</source>
        <translation>数据集…</translation>
    </message>
    <message>
        <source>Open a dataset to preview</source>
        <translation>打开数据集以预览</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Start an empty pipeline</source>
        <translation>新建空流水线</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>加载…</translation>
    </message>
    <message>
        <source>Load a pipeline saved as JSON</source>
        <translation>加载以 JSON 保存的流水线</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the pipeline as JSON</source>
        <translation>将流水线保存为 JSON</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save the pipeline to another file</source>
        <translation>将流水线保存到另一个文件</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Augment image datasets</source>
        <translation>增强图像数据集</translation>
    </message>
    <message>
        <source>Augment text with EDA operations</source>
        <translation>用 EDA 操作增强文本</translation>
    </message>
    <message>
        <source>The dataset cannot be opened</source>
        <translation>无法打开该数据集</translation>
    </message>
    <message>
        <source>No dataset open</source>
        <translation>未打开数据集</translation>
    </message>
    <message>
        <source>Open an image dataset to preview the pipeline on its samples. The preview shows what training with the same seed and epoch feeds the model.</source>
        <translation>打开图像数据集，在其样本上预览流水线。预览显示的正是使用相同种子和轮次训练时输入模型的数据。</translation>
    </message>
    <message>
        <source>Open an image dataset to preview the pipeline.</source>
        <translation>打开图像数据集以预览流水线。</translation>
    </message>
    <message>
        <source>Nothing to augment</source>
        <translation>没有可增强的内容</translation>
    </message>
    <message>
        <source>%1 holds a table; augmentation applies to images.</source>
        <translation>%1 是表格数据；数据增强仅适用于图像。</translation>
    </message>
    <message>
        <source>%1 holds no training images.</source>
        <translation>%1 中没有训练图像。</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Open Dataset Directory</source>
        <translation>打开数据集目录</translation>
    </message>
    <message>
        <source>The pipeline was not loaded: %1</source>
        <translation>未能加载流水线：%1</translation>
    </message>
    <message>
        <source>Loaded %1.</source>
        <translation>已加载 %1。</translation>
    </message>
    <message>
        <source>The pipeline was not saved: %1</source>
        <translation>未能保存流水线：%1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Load Pipeline</source>
        <translation>加载流水线</translation>
    </message>
    <message>
        <source>Pipelines (*.json);;All files (*)</source>
        <translation>流水线 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save Pipeline</source>
        <translation>保存流水线</translation>
    </message>
    <message>
        <source>Pipelines (*.json)</source>
        <translation>流水线 (*.json)</translation>
    </message>
    <message>
        <source>Discard Changes?</source>
        <translation>放弃更改？</translation>
    </message>
    <message>
        <source>The pipeline has changes that are not saved. Discard them?</source>
        <translation>流水线有未保存的更改。要放弃这些更改吗？</translation>
    </message>
    <message>
        <source>No dataset</source>
        <translation>无数据集</translation>
    </message>
    <message>
        <source>Unsaved pipeline</source>
        <translation>未保存的流水线</translation>
    </message>
    <message>
        <source>%1 (modified)</source>
        <translation>%1（已修改）</translation>
    </message>
</context>
<context>
    <name>mf::ClassBalanceChart</name>
    <message>
        <source>Train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
</context>
<context>
    <name>mf::CompressPage</name>
    <message>
        <source>Start &amp;Over</source>
        <translation>重新开始(&amp;O)</translation>
    </message>
</context>
<context>
    <name>mf::CompressReportPage</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>技术</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Non-zero</source>
        <translation>非零</translation>
    </message>
    <message>
        <source>File KiB</source>
        <translation>文件 KiB</translation>
    </message>
    <message>
        <source>Batch 1 ms</source>
        <translation>批 1 毫秒</translation>
    </message>
    <message>
        <source>Batch 1 p95</source>
        <translation>批 1 p95</translation>
    </message>
    <message>
        <source>Batch 64 ms</source>
        <translation>批 64 毫秒</translation>
    </message>
    <message>
        <source>Batch 64 p95</source>
        <translation>批 64 p95</translation>
    </message>
    <message>
        <source>Samples/s</source>
        <translation>样本/秒</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Size ratio</source>
        <translation>大小比</translation>
    </message>
    <message>
        <source>Speed-up</source>
        <translation>加速</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Measured on this machine. Latency is the median (and p95) of forward passes after warm-up; speed-up is at batch 64.</source>
        <translation>在本机测得。延迟为预热后前向传播的中位数（及 p95）；加速比按批大小 64 计算。</translation>
    </message>
    <message>
        <source>Trade-offs</source>
        <translation>权衡</translation>
    </message>
    <message>
        <source>Notes and int8 layers</source>
        <translation>备注与 int8 层</translation>
    </message>
    <message>
        <source>source</source>
        <translation>源模型</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Accuracy against file size</source>
        <translation>准确率与文件大小</translation>
    </message>
    <message>
        <source>File size (KiB)</source>
        <translation>文件大小 (KiB)</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <source>Accuracy against latency</source>
        <translation>准确率与延迟</translation>
    </message>
    <message>
        <source>Batch-64 latency (ms)</source>
        <translation>批 64 延迟（毫秒）</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save Model File…</source>
        <translation>保存模型文件…</translation>
    </message>
    <message>
        <source>Write the selected model as one file that modelforge-cli eval and predict load</source>
        <translation>将所选模型写为一个文件，供 modelforge-cli eval 和 predict 加载</translation>
    </message>
    <message>
        <source>Saved the %1 model of run #%2 to %3 (%4).</source>
        <translation>已将运行 #%2 的 %1 模型保存到 %3（%4）。</translation>
    </message>
    <message>
        <source>Save Model File</source>
        <translation>保存模型文件</translation>
    </message>
    <message>
        <source>Could not save the model of run #%1 to %2: %3</source>
        <translation>无法将运行 #%1 的模型保存到 %2：%3</translation>
    </message>
    <message>
        <source>Saving the model of run #%1…</source>
        <translation>正在保存运行 #%1 的模型…</translation>
    </message>
    <message>
        <source>ModelForge models (*.mfmodel)</source>
        <translation>ModelForge 模型 (*.mfmodel)</translation>
    </message>
</context>
<context>
    <name>mf::CompressRunPage</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Compressing</source>
        <translation>正在压缩</translation>
    </message>
    <message>
        <source>Variants that train show their curves here; the models are then measured on this machine.</source>
        <translation>需要训练的变体在此显示曲线；随后在本机测量各模型。</translation>
    </message>
    <message>
        <source>Stop the variant in training: its run is kept as STOPPED</source>
        <translation>停止正在训练的变体：其运行保留为 STOPPED</translation>
    </message>
    <message>
        <source>Stopping the variant in training…</source>
        <translation>正在停止训练中的变体…</translation>
    </message>
    <message>
        <source>Measuring</source>
        <translation>正在测量</translation>
    </message>
    <message>
        <source>Timing and evaluating the source and every variant…</source>
        <translation>正在对源模型和每个变体计时和评估…</translation>
    </message>
    <message>
        <source>Loading the source run</source>
        <translation>正在加载源运行</translation>
    </message>
    <message>
        <source>Reading the dataset and the model…</source>
        <translation>正在读取数据集和模型…</translation>
    </message>
    <message>
        <source>Another compression is still running.</source>
        <translation>另一个压缩任务仍在运行。</translation>
    </message>
    <message>
        <source>Variant %1 of %2: %3</source>
        <translation>变体 %1/%2：%3</translation>
    </message>
    <message>
        <source>Fine-tuning…</source>
        <translation>正在微调…</translation>
    </message>
    <message>
        <source>%1: train loss</source>
        <translation>%1：训练损失</translation>
    </message>
    <message>
        <source>%1: learning rate</source>
        <translation>%1：学习率</translation>
    </message>
    <message>
        <source>%1: samples/s</source>
        <translation>%1：样本/秒</translation>
    </message>
    <message>
        <source>epoch %1, step %2</source>
        <translation>第 %1 轮，第 %2 步</translation>
    </message>
    <message>
        <source>%1: validation accuracy</source>
        <translation>%1：验证准确率</translation>
    </message>
    <message>
        <source>Epoch %1: validation accuracy %2.</source>
        <translation>第 %1 轮：验证准确率 %2。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Cancelled: the variant in training was kept as a STOPPED run and no further variants were made. The report shows those completed before.</source>
        <translation>已取消：训练中的变体保留为 STOPPED 运行，不再生成后续变体。报告显示此前完成的变体。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message numerus="yes">
        <source>%n variant(s) made and measured.</source>
        <translation>
            <numerusform>已生成并测量 %n 个变体。</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Compression failed: %1</source>
        <translation>压缩失败：%1</translation>
    </message>
</context>
<context>
    <name>mf::CompressSourcePage</name>
    <message>
        <source>Source run</source>
        <translation>源运行</translation>
    </message>
    <message>
        <source>Choose the trained run to compress. Each compressed variant becomes a run of its own, under this one.</source>
        <translation>选择要压缩的已训练运行。每个压缩变体都会成为其下的一个独立运行。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Best val. accuracy</source>
        <translation>最佳验证准确率</translation>
    </message>
    <message>
        <source>No finished run</source>
        <translation>没有已完成的运行</translation>
    </message>
    <message>
        <source>Train a run first: the Train section makes one in a few minutes. Compression starts from a run that finished training.</source>
        <translation>请先训练一个运行：“训练”部分几分钟即可完成。压缩需从已完成训练的运行开始。</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Run store unavailable</source>
        <translation>运行存储不可用</translation>
    </message>
</context>
<context>
    <name>mf::CompressTechniquesPage</name>
    <message>
        <source>Techniques</source>
        <translation>技术</translation>
    </message>
    <message>
        <source>Each ticked technique makes one variant, measured against the source.</source>
        <translation>每个勾选的技术生成一个变体，并与源模型对比测量。</translation>
    </message>
    <message>
        <source>&amp;Compress</source>
        <translation>压缩(&amp;C)</translation>
    </message>
    <message>
        <source>Quantise to int8</source>
        <translation>量化为 int8</translation>
    </message>
    <message>
        <source>Stores weights as 8-bit integers: about a quarter of the size, often faster on a CPU, at a small cost in accuracy.</source>
        <translation>以 8 位整数存储权重：大小约为四分之一，在 CPU 上往往更快，准确率略有损失。</translation>
    </message>
    <message>
        <source>Dynamic (linear layers, no calibration)</source>
        <translation>动态（线性层，无需校准）</translation>
    </message>
    <message>
        <source>Static (convolutions too, calibrated on training batches)</source>
        <translation>静态（含卷积，在训练批次上校准）</translation>
    </message>
    <message>
        <source>Min/max</source>
        <translation>最小/最大值</translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 个百分点</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>Calibration batches:</source>
        <translation>校准批次：</translation>
    </message>
    <message>
        <source>Observer:</source>
        <translation>观测器：</translation>
    </message>
    <message>
        <source>Accuracy budget per layer:</source>
        <translation>每层准确率预算：</translation>
    </message>
    <message>
        <source>Prune channels</source>
        <translation>剪枝通道</translation>
    </message>
    <message>
        <source>Removes the least important channels of every layer, then fine-tunes: a smaller, faster dense model.</source>
        <translation>移除每层最不重要的通道，然后微调：得到更小、更快的稠密模型。</translation>
    </message>
    <message>
        <source>L1 norm</source>
        <translation>L1 范数</translation>
    </message>
    <message>
        <source>L2 norm</source>
        <translation>L2 范数</translation>
    </message>
    <message>
        <source>Fraction removed:</source>
        <translation>移除比例：</translation>
    </message>
    <message>
        <source>Channel importance:</source>
        <translation>通道重要性：</translation>
    </message>
    <message>
        <source>Prune weights</source>
        <translation>剪枝权重</translation>
    </message>
    <message>
        <source>Zeroes the smallest weights gradually while fine-tuning: a sparse model that compresses well but runs no faster here.</source>
        <translation>在微调中逐步将最小的权重置零：稀疏模型压缩效果好，但在此处运行不会更快。</translation>
    </message>
    <message>
        <source>Sparsity:</source>
        <translation>稀疏度：</translation>
    </message>
    <message>
        <source>Distil</source>
        <translation>蒸馏</translation>
    </message>
    <message>
        <source>Trains a smaller student model to imitate this one&apos;s outputs.</source>
        <translation>训练一个较小的学生模型来模仿此模型的输出。</translation>
    </message>
    <message>
        <source>Model spec JSON, e.g. {&quot;type&quot;: &quot;mlp&quot;, &quot;hidden&quot;: [32]}</source>
        <translation>模型规格 JSON，例如 {&quot;type&quot;: &quot;mlp&quot;, &quot;hidden&quot;: [32]}</translation>
    </message>
    <message>
        <source>Student spec:</source>
        <translation>学生规格：</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <source>Weight of the teacher:</source>
        <translation>教师权重：</translation>
    </message>
    <message>
        <source>Fine-tuning epochs:</source>
        <translation>微调轮数：</translation>
    </message>
    <message>
        <source>Epochs of training after pruning, and of the student.</source>
        <translation>剪枝后训练的轮数，以及学生模型的训练轮数。</translation>
    </message>
    <message>
        <source>Computing a suggested student…</source>
        <translation>正在计算建议的学生模型…</translation>
    </message>
    <message>
        <source>Suggested: %1 parameters, 1/%2 of the teacher&apos;s %3.</source>
        <translation>建议：%1 个参数，为教师模型 %3 个参数的 1/%2。</translation>
    </message>
    <message>
        <source>No suggestion: %1</source>
        <translation>无建议：%1</translation>
    </message>
    <message>
        <source>Tick at least one technique to go on.</source>
        <translation>请至少勾选一种技术以继续。</translation>
    </message>
    <message>
        <source>The student spec must be a JSON object, such as {&quot;type&quot;: &quot;mlp&quot;, &quot;hidden&quot;: [32]}.</source>
        <translation>学生规格必须是 JSON 对象，例如 {&quot;type&quot;: &quot;mlp&quot;, &quot;hidden&quot;: [32]}。</translation>
    </message>
    <message>
        <source>Also train the student alone</source>
        <translation>同时单独训练学生模型</translation>
    </message>
    <message>
        <source>Trains the same student on the labels only, with the same seed and epochs: the report then shows what the teacher added.</source>
        <translation>用相同的随机种子和轮数，只用标签训练同一个学生模型：报告随后显示教师模型带来了多少提升。</translation>
    </message>
</context>
<context>
    <name>mf::CompressWorker</name>
    <message>
        <source>prune channels</source>
        <translation>剪枝通道</translation>
    </message>
    <message>
        <source>prune weights</source>
        <translation>剪枝权重</translation>
    </message>
    <message>
        <source>distil</source>
        <translation>蒸馏</translation>
    </message>
    <message>
        <source>fine-tuning</source>
        <translation>微调</translation>
    </message>
</context>
<context>
    <name>mf::ConfigDiffModel</name>
    <message>
        <source>Not set in this run</source>
        <translation>此运行中未设置</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
</context>
<context>
    <name>mf::ConfusionMatrixView</name>
    <message>
        <source>True: %1
Predicted: %2
%3 samples, %4 of the true class</source>
        <translation>真实：%1
预测：%2
%3 个样本，占该真实类别的 %4</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>真实类别</translation>
    </message>
</context>
<context>
    <name>mf::DatasetFileDialog</name>
    <message>
        <source>Datasets (*.csv *.tsv *.jsonl *.ndjson *.bin *.gz *-ubyte *ubyte)</source>
        <translation>数据集 (*.csv *.tsv *.jsonl *.ndjson *.bin *.gz *-ubyte *ubyte)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open Dataset Folder</source>
        <translation>打开数据集文件夹</translation>
    </message>
    <message>
        <source>Open Dataset File</source>
        <translation>打开数据集文件</translation>
    </message>
</context>
<context>
    <name>mf::DatasetLoadWorker</name>
    <message>
        <source>%1: not enough memory to load it</source>
        <translation>%1：内存不足，无法加载</translation>
    </message>
</context>
<context>
    <name>mf::DatasetStatsPanel</name>
    <message>
        <source>R %1  G %2  B %3</source>
        <translation>R %1  G %2  B %3</translation>
    </message>
    <message>
        <source>No dataset is open.</source>
        <translation>未打开数据集。</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>File or sample</source>
        <translation>文件或样本</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>%1 (train %2, test %3)</source>
        <translation>%1（训练集 %2，测试集 %3）</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>图像尺寸</translation>
    </message>
    <message>
        <source>Mean (train)</source>
        <translation>均值（训练集）</translation>
    </message>
    <message>
        <source>Std (train)</source>
        <translation>标准差（训练集）</translation>
    </message>
    <message>
        <source>Mean (test)</source>
        <translation>均值（测试集）</translation>
    </message>
    <message>
        <source>Std (test)</source>
        <translation>标准差（测试集）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列数</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元数</translation>
    </message>
    <message>
        <source>Distinct tokens</source>
        <translation>不同词元数</translation>
    </message>
    <message>
        <source>Vocabulary (seen twice or more)</source>
        <translation>词表（出现两次及以上）</translation>
    </message>
    <message>
        <source>Tokens per document</source>
        <translation>每篇文档的词元数</translation>
    </message>
    <message>
        <source>mean %1, median %2</source>
        <translation>均值 %1，中位数 %2</translation>
    </message>
    <message>
        <source>Invalid UTF-8 replaced</source>
        <translation>已替换的无效 UTF-8</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复样本</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 samples repeat an earlier one (%2 groups, %3 across train and test)</source>
        <translation>%1 个样本与之前的样本重复（%2 组，其中 %3 个跨训练集和测试集）</translation>
    </message>
    <message>
        <source>Files left out</source>
        <translation>被跳过的文件</translation>
    </message>
    <message>
        <source>Loaded in</source>
        <translation>加载用时</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Analysed in</source>
        <translation>分析用时</translation>
    </message>
    <message>
        <source>cannot be used for training: %1</source>
        <translation>无法用于训练：%1</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>same label %1</source>
        <translation>标签相同：%1</translation>
    </message>
    <message>
        <source>labels differ: %1 here, %2 there</source>
        <translation>标签不同：此处为 %1，彼处为 %2</translation>
    </message>
    <message>
        <source>sample %1 (%2)</source>
        <translation>样本 %1（%2）</translation>
    </message>
    <message>
        <source>duplicate of sample %1 (%2); %3</source>
        <translation>与样本 %1（%2）重复；%3</translation>
    </message>
    <message>
        <source>… and %1 more duplicates</source>
        <translation>… 另有 %1 个重复样本</translation>
    </message>
    <message>
        <source>Problems: checking for duplicates…</source>
        <translation>问题：正在检查重复样本…</translation>
    </message>
    <message>
        <source>Problems: none found</source>
        <translation>问题：未发现</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
</context>
<context>
    <name>mf::DatasetsPage</name>
    <message>
        <source>No dataset open</source>
        <translation>未打开数据集</translation>
    </message>
    <message>
        <source>&amp;Split:</source>
        <translation>划分(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>Open Fashion-MNIST</source>
        <translation>打开 Fashion-MNIST</translation>
    </message>
    <message>
        <source>Recent datasets</source>
        <translation>最近的数据集</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>（缺失）</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Back to %1</source>
        <translation>返回 %1</translation>
    </message>
    <message>
        <source>%1  —  %2</source>
        <translation>%1  —  %2</translation>
    </message>
    <message>
        <source>%1
%2, last opened %3</source>
        <translation>%1
%2，上次打开于 %3</translation>
    </message>
    <message>
        <source>Train and test</source>
        <translation>训练集和测试集</translation>
    </message>
    <message>
        <source>Train (%1)</source>
        <translation>训练集（%1）</translation>
    </message>
    <message>
        <source>Test (%1)</source>
        <translation>测试集（%1）</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>1 sample</source>
        <translation>1 个样本</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 个样本</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 行</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>showing %1</source>
        <translation>显示 %1 个</translation>
    </message>
    <message>
        <source>Open a dataset to browse its samples, class balance and statistics: an MNIST or Fashion-MNIST folder, CIFAR-10/100 binary batches, a folder of class sub-folders holding images, a CSV table, or a text dataset (aclImdb folder, .tsv, .jsonl). Use File &gt; Open Dataset Folder… or Open Dataset File…, drop it here, or pick a recent one.</source>
        <translation>打开一个数据集以浏览其样本、类别分布和统计信息：MNIST 或 Fashion-MNIST 文件夹、CIFAR-10/100 二进制批次、按类别分子文件夹存放图像的文件夹、CSV 表格，或文本数据集（aclImdb 文件夹、.tsv、.jsonl）。使用“文件 &gt; 打开数据集文件夹…”或“打开数据集文件…”，拖放到此处，或从最近列表中选择。</translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>An MNIST, CIFAR or image-class folder, or a text dataset folder</source>
        <translation>MNIST、CIFAR 或按类别分的图像文件夹，或文本数据集文件夹</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>A CSV or text table, a JSON Lines file, an IDX or CIFAR batch file</source>
        <translation>CSV 或文本表格、JSON Lines 文件、IDX 或 CIFAR 批次文件</translation>
    </message>
    <message>
        <source>Train only (%1)</source>
        <translation>仅训练集（%1）</translation>
    </message>
    <message>
        <source>No test split was read from %1</source>
        <translation>未从 %1 读取到测试集</translation>
    </message>
</context>
<context>
    <name>mf::DeleteRunsDialog</name>
    <message>
        <source>Delete run</source>
        <translation>删除运行</translation>
    </message>
    <message>
        <source>Delete %1 runs</source>
        <translation>删除 %1 个运行</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>以及另外 %1 个</translation>
    </message>
    <message>
        <source>Delete these runs with their parameters, metrics and checkpoint records?

%1

This cannot be undone.</source>
        <translation>要删除这些运行及其参数、指标和检查点记录吗？

%1

此操作无法撤销。</translation>
    </message>
    <message>
        <source>Also delete their files (checkpoints, evaluations) in %1</source>
        <translation>同时删除它们在 %1 中的文件（检查点、评估结果）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
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
    <message>
        <source>All cores</source>
        <translation>全部核心</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>10x the base rate</source>
        <translation>基础学习率的 10 倍</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>mf::DrawnParameters</name>
    <message>
        <source>%1 %2</source>
        <comment>a drawn parameter: its name, then its value</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>an operation, then what it drew</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between drawn parameters</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>top</source>
        <translation>上</translation>
    </message>
    <message>
        <source>left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽</translation>
    </message>
    <message>
        <source>angle</source>
        <translation>角度</translation>
    </message>
    <message>
        <source>translate</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>shear</source>
        <translation>错切</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>系数</translation>
    </message>
    <message>
        <source>sigma</source>
        <translation>sigma</translation>
    </message>
    <message>
        <source>noise keys</source>
        <translation>噪声密钥</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>inserted</source>
        <translation>插入</translation>
    </message>
    <message>
        <source>swaps</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
</context>
<context>
    <name>mf::EvaluationView</name>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>支持数</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>各类别</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>错误样本</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>未选择运行</translation>
    </message>
    <message>
        <source>Select a finished run to see how its best checkpoint classifies the test set.</source>
        <translation>选择一个已完成的运行，查看其最佳检查点在测试集上的分类效果。</translation>
    </message>
    <message>
        <source>Not evaluated yet</source>
        <translation>尚未评估</translation>
    </message>
    <message>
        <source>Run #%1 is still training. Its checkpoint is evaluated once it has finished.</source>
        <translation>运行 #%1 仍在训练。训练结束后将评估其检查点。</translation>
    </message>
    <message>
        <source>Only finished or stopped runs are evaluated. Resume run #%1 to finish it.</source>
        <translation>只评估已完成或已停止的运行。请继续运行 #%1 直至完成。</translation>
    </message>
    <message>
        <source>No checkpoint</source>
        <translation>没有检查点</translation>
    </message>
    <message>
        <source>Run #%1 saved no checkpoint (it ended before its first epoch did), so there is no model to evaluate.</source>
        <translation>运行 #%1 没有保存检查点（它在第一轮结束前就已终止），因此没有可评估的模型。</translation>
    </message>
    <message>
        <source>Evaluating run #%1…</source>
        <translation>正在评估运行 #%1…</translation>
    </message>
    <message>
        <source>Evaluation failed</source>
        <translation>评估失败</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>未打开工作区。</translation>
    </message>
    <message>
        <source>Accuracy %1 · loss %2 · macro F1 %3 on %4 %5 samples</source>
        <translation>在 %4 个%5样本上：准确率 %1 · 损失 %2 · 宏平均 F1 %3</translation>
    </message>
    <message>
        <source>Checkpoint of epoch %1 (%2)%3</source>
        <translation>第 %1 轮的检查点（%2）%3</translation>
    </message>
    <message>
        <source>, result cached</source>
        <translation>，结果来自缓存</translation>
    </message>
    <message>
        <source>The dataset has no test part: the validation split was evaluated.</source>
        <translation>该数据集没有测试部分：已改为评估验证集。</translation>
    </message>
    <message>
        <source>The result could not be cached: %1</source>
        <translation>无法缓存结果：%1</translation>
    </message>
    <message>
        <source>Mistakes (%1)</source>
        <translation>错误样本（%1）</translation>
    </message>
    <message>
        <source>The checkpoint files of this run are gone, so there is no model to evaluate.

%1</source>
        <translation>此运行的检查点文件已不存在，因此没有可评估的模型。

%1</translation>
    </message>
    <message>
        <source>Dataset not found</source>
        <translation>未找到数据集</translation>
    </message>
    <message>
        <source>The run was trained on %1, but nothing is there any more. Put the dataset back at that path to evaluate the run.</source>
        <translation>此运行使用 %1 训练，但该位置已没有任何内容。请将数据集放回该路径后再评估此运行。</translation>
    </message>
    <message>
        <source>an unnamed dataset</source>
        <translation>一个未命名的数据集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>Masked-token accuracy %1 · loss %2 on %3 %4 documents</source>
        <translation>在 %3 个%4文档上：掩码词元准确率 %1 · 损失 %2</translation>
    </message>
    <message>
        <source>Next-token accuracy %1 · loss %2 · perplexity %3 on %4 %5 documents</source>
        <translation>在 %4 个%5文档上：下一词元准确率 %1 · 损失 %2 · 困惑度 %3</translation>
    </message>
    <message>
        <source>A pre-training run predicts tokens, not classes: fine-tune a classifier from it to get per-class results.</source>
        <translation>预训练运行预测的是词元而不是类别：从它微调出一个分类器，才能得到各类别的结果。</translation>
    </message>
</context>
<context>
    <name>mf::EvaluationWorker</name>
    <message>
        <source>Run #%1 no longer exists.</source>
        <translation>运行 #%1 已不存在。</translation>
    </message>
</context>
<context>
    <name>mf::FineTuneFields</name>
    <message>
        <source>Fine-tune from run: the model starts from that run&apos;s best checkpoint, parameters matched by name and shape; a text run also reuses its vocabulary</source>
        <translation>从运行微调：模型从该运行的最佳检查点开始，参数按名称和形状匹配；文本运行还会沿用其词表</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Start from run</source>
        <translation>从运行开始</translation>
    </message>
    <message>
        <source>Not frozen</source>
        <translation>不冻结</translation>
    </message>
    <message>
        <source>For this many epochs only the parameters that are new (such as a classification layer) train; then all of them</source>
        <translation>在这么多轮内只训练新增的参数（例如分类层），之后训练全部参数</translation>
    </message>
    <message>
        <source>Freeze loaded parameters (epochs)</source>
        <translation>冻结已加载参数（轮）</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>masked-token pre-training</source>
        <translation>掩码词元预训练</translation>
    </message>
    <message>
        <source>next-token pre-training</source>
        <translation>下一词元预训练</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>运行 %1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 trained on %2</source>
        <translation>%1，训练数据：%2</translation>
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
    <message>
        <source>Select the runs &lt;ids&gt; (comma-separated) in the Runs section; two or more are compared.</source>
        <translation>在“运行记录”中选中运行 &lt;ids&gt;（以逗号分隔）；选中两个或更多时进行对比。</translation>
    </message>
    <message>
        <source>ids</source>
        <translation>ids</translation>
    </message>
    <message>
        <source>--select takes run ids separated by commas, such as 3,5; &quot;%1&quot; is not one.</source>
        <translation>--select 需要以逗号分隔的运行 ID，例如 3,5；“%1”不是运行 ID。</translation>
    </message>
    <message>
        <source>Write the PDF report of the ROI scenario file &lt;scenario&gt; to the --output file without a window, then exit.</source>
        <translation>将 ROI 情景文件 &lt;情景&gt; 的 PDF 报告写入 --output 指定的文件（不打开窗口），然后退出。</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>The PDF file --roi-report writes.</source>
        <translation>--roi-report 写入的 PDF 文件。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Include a Monte Carlo of &lt;trials&gt; trials in the --roi-report report.</source>
        <translation>在 --roi-report 报告中包含 &lt;试验次数&gt; 次试验的蒙特卡洛模拟。</translation>
    </message>
    <message>
        <source>trials</source>
        <translation>试验次数</translation>
    </message>
    <message>
        <source>The seed of that Monte Carlo (default 1).</source>
        <translation>该蒙特卡洛模拟的种子（默认为 1）。</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>--roi-report and --output go together: the scenario file and the PDF to write.</source>
        <translation>--roi-report 与 --output 必须同时使用：分别指定情景文件和要写入的 PDF。</translation>
    </message>
    <message>
        <source>--monte-carlo and --seed belong to --roi-report.</source>
        <translation>--monte-carlo 和 --seed 只能与 --roi-report 一起使用。</translation>
    </message>
    <message>
        <source>--monte-carlo takes a number of trials of at least 1 and --seed a whole number of at least 0.</source>
        <translation>--monte-carlo 需要至少为 1 的试验次数，--seed 需要至少为 0 的整数。</translation>
    </message>
</context>
<context>
    <name>mf::LoadedDataset</name>
    <message>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>IDX images (MNIST layout)</source>
        <translation>IDX 图像（MNIST 布局）</translation>
    </message>
    <message>
        <source>CIFAR-10 binary</source>
        <translation>CIFAR-10 二进制</translation>
    </message>
    <message>
        <source>CIFAR-100 binary</source>
        <translation>CIFAR-100 二进制</translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <source>Text folder (aclImdb layout)</source>
        <translation>文本文件夹（aclImdb 布局）</translation>
    </message>
    <message>
        <source>TSV text table</source>
        <translation>TSV 文本表格</translation>
    </message>
    <message>
        <source>JSON Lines text</source>
        <translation>JSON Lines 文本</translation>
    </message>
    <message>
        <source>%1, record %2</source>
        <translation>%1，第 %2 条记录</translation>
    </message>
    <message>
        <source>%1 × %2, 1 channel</source>
        <translation>%1 × %2，1 个通道</translation>
    </message>
    <message>
        <source>%1 × %2, %3 channels</source>
        <translation>%1 × %2，%3 个通道</translation>
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
    <message>
        <source>The Train section will augment with %1.</source>
        <translation>“训练”分区将使用 %1 进行数据增强。</translation>
    </message>
    <message>
        <source>Resume Run</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <source>Run %1 cannot resume while another run is training.</source>
        <translation>另一个运行正在训练，运行 %1 无法继续。</translation>
    </message>
    <message>
        <source>Open in Train</source>
        <translation>在“训练”中打开</translation>
    </message>
    <message>
        <source>The Train section is busy with a run in progress.</source>
        <translation>“训练”分区中有正在进行的运行。</translation>
    </message>
    <message>
        <source>Training in Progress</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>Run %1 is still training. Stop it and quit? The run is kept as STOPPED with its last checkpoint, so it can be resumed later.</source>
        <translation>运行 %1 仍在训练。要停止它并退出吗？该运行将以“已停止”状态连同最后一个检查点一起保留，以后可以继续。</translation>
    </message>
    <message>
        <source>Stopping the run before quitting…</source>
        <translation>正在停止运行，随后退出…</translation>
    </message>
    <message>
        <source>Stop the run in progress before opening another workspace.</source>
        <translation>请先停止正在进行的运行，再打开其他工作区。</translation>
    </message>
    <message>
        <source>Browse Fashion-MNIST</source>
        <translation>浏览 Fashion-MNIST</translation>
    </message>
    <message>
        <source>Open a Dataset…</source>
        <translation>打开数据集…</translation>
    </message>
    <message>
        <source>Open %1 in the Datasets section</source>
        <translation>在“数据集”中打开 %1</translation>
    </message>
    <message>
        <source>Choose a dataset file or folder</source>
        <translation>选择数据集文件或文件夹</translation>
    </message>
    <message>
        <source>Train %1</source>
        <translation>训练 %1</translation>
    </message>
    <message>
        <source>Cannot select %1: not every one of these runs is in this workspace.</source>
        <translation>无法选中 %1：这些运行并非都在此工作区中。</translation>
    </message>
    <message>
        <source>Open &amp;Dataset Folder…</source>
        <translation>打开数据集文件夹(&amp;D)…</translation>
    </message>
    <message>
        <source>Browse an MNIST, CIFAR or image-class folder in the Datasets section</source>
        <translation>在“数据集”中浏览 MNIST、CIFAR 或按类别分的图像文件夹</translation>
    </message>
    <message>
        <source>Open Dataset &amp;File…</source>
        <translation>打开数据集文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Browse a CSV, JSON Lines, IDX or CIFAR batch file in the Datasets section</source>
        <translation>在“数据集”中浏览 CSV、JSON Lines、IDX 或 CIFAR 批次文件</translation>
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
    <name>mf::MetricDashboard</name>
    <message>
        <source>Log loss</source>
        <translation>损失对数坐标</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Samples per second</source>
        <translation>每秒样本数</translation>
    </message>
    <message>
        <source>No values yet</source>
        <translation>暂无数值</translation>
    </message>
    <message>
        <source>Exponential moving average with TensorBoard&apos;s debiasing; 0 shows the raw values.</source>
        <translation>带 TensorBoard 去偏校正的指数移动平均；0 表示显示原始值。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Wall time (s)</source>
        <translation>实际用时（秒）</translation>
    </message>
    <message>
        <source>Logarithmic y axis for the loss</source>
        <translation>损失使用对数 y 轴</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>X axis</source>
        <translation>X 轴</translation>
    </message>
</context>
<context>
    <name>mf::MistakeGallery</name>
    <message>
        <source>No mistakes: every sample was classified correctly.</source>
        <translation>没有错误：所有样本均分类正确。</translation>
    </message>
    <message>
        <source>%1 → %2
%3</source>
        <translation>%1 → %2
%3</translation>
    </message>
    <message>
        <source>True: %1
Predicted: %2 (confidence %3)
Sample %4 of the %5 set</source>
        <translation>真实：%1
预测：%2（置信度 %3）
%5中的样本 %4</translation>
    </message>
    <message>
        <source>True class: %1
Predicted: %2
Confidence: %3
Sample %4 of the %5 set</source>
        <translation>真实类别：%1
预测：%2
置信度：%3
%5中的样本 %4</translation>
    </message>
    <message>
        <source>%1 → %2 (%3): %4</source>
        <translation>%1 → %2（%3）：%4</translation>
    </message>
</context>
<context>
    <name>mf::OperationCatalog</name>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Random crop</source>
        <translation>随机裁剪</translation>
    </message>
    <message>
        <source>Random resized crop</source>
        <translation>随机缩放裁剪</translation>
    </message>
    <message>
        <source>Horizontal flip</source>
        <translation>水平翻转</translation>
    </message>
    <message>
        <source>Vertical flip</source>
        <translation>垂直翻转</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Affine</source>
        <translation>仿射变换</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>饱和度</translation>
    </message>
    <message>
        <source>Hue</source>
        <translation>色调</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>灰度化</translation>
    </message>
    <message>
        <source>Gaussian blur</source>
        <translation>高斯模糊</translation>
    </message>
    <message>
        <source>Gaussian noise</source>
        <translation>高斯噪声</translation>
    </message>
    <message>
        <source>Random erasing</source>
        <translation>随机擦除</translation>
    </message>
    <message>
        <source>Normalize</source>
        <translation>标准化</translation>
    </message>
    <message>
        <source>Pads each side and crops back to the original size at a random offset.</source>
        <translation>在各边填充，再以随机偏移裁剪回原始尺寸。</translation>
    </message>
    <message>
        <source>Crops a random area and aspect ratio and resizes it to the original size.</source>
        <translation>按随机面积和宽高比裁剪，再缩放回原始尺寸。</translation>
    </message>
    <message>
        <source>Mirrors the image left to right.</source>
        <translation>将图像左右镜像。</translation>
    </message>
    <message>
        <source>Mirrors the image top to bottom.</source>
        <translation>将图像上下镜像。</translation>
    </message>
    <message>
        <source>Rotates about the centre by a random angle (counter-clockwise for positive angles).</source>
        <translation>绕中心旋转随机角度（正角度为逆时针）。</translation>
    </message>
    <message>
        <source>Rotates, shifts, scales and shears about the centre.</source>
        <translation>绕中心进行旋转、平移、缩放和错切。</translation>
    </message>
    <message>
        <source>Multiplies the pixels by a random factor.</source>
        <translation>将像素值乘以一个随机系数。</translation>
    </message>
    <message>
        <source>Blends with the mean grey level by a random factor.</source>
        <translation>按随机系数与平均灰度混合。</translation>
    </message>
    <message>
        <source>Blends with the grey image by a random factor; grey images stay as they are.</source>
        <translation>按随机系数与灰度图混合；灰度图像保持不变。</translation>
    </message>
    <message>
        <source>Shifts the hue by a random fraction of the colour circle; grey images stay as they are.</source>
        <translation>将色调偏移色环的随机比例；灰度图像保持不变。</translation>
    </message>
    <message>
        <source>Replaces colour images by their luma, keeping three channels.</source>
        <translation>将彩色图像替换为其亮度（luma），保留三个通道。</translation>
    </message>
    <message>
        <source>Blurs with a Gaussian kernel of a random standard deviation.</source>
        <translation>用随机标准差的高斯核进行模糊。</translation>
    </message>
    <message>
        <source>Adds Gaussian noise to every pixel.</source>
        <translation>为每个像素添加高斯噪声。</translation>
    </message>
    <message>
        <source>Blanks a random box (cutout).</source>
        <translation>将一个随机矩形区域置空（cutout）。</translation>
    </message>
    <message>
        <source>Subtracts the mean and divides by the standard deviation per channel, for every sample. The trainer then adds no normalisation of its own and normalises validation data with these values.</source>
        <translation>对每个样本逐通道减去均值并除以标准差。此时训练器不再自行归一化，并用这些值对验证数据进行归一化。</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充方式</translation>
    </message>
    <message>
        <source>What fills the padded border</source>
        <translation>填充边框所用的内容</translation>
    </message>
    <message>
        <source>Padding (px)</source>
        <translation>填充（像素）</translation>
    </message>
    <message>
        <source>Pixels added on each side</source>
        <translation>每边添加的像素数</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Area of the crop as a fraction of the image</source>
        <translation>裁剪区域占图像面积的比例</translation>
    </message>
    <message>
        <source>Area of the erased box as a fraction of the image</source>
        <translation>擦除区域占图像面积的比例</translation>
    </message>
    <message>
        <source>Aspect ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <source>Width / height of the crop, drawn log-uniformly</source>
        <translation>裁剪区域的宽 / 高，按对数均匀分布抽取</translation>
    </message>
    <message>
        <source>Height / width of the box, drawn log-uniformly</source>
        <translation>擦除区域的高 / 宽，按对数均匀分布抽取</translation>
    </message>
    <message>
        <source>Angle (°)</source>
        <translation>角度（°）</translation>
    </message>
    <message>
        <source>Range of the rotation angle</source>
        <translation>旋转角度的范围</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充值</translation>
    </message>
    <message>
        <source>Value of uncovered pixels, 0 to 1</source>
        <translation>空出像素的取值，0 到 1</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Largest shift as a fraction of the width (x) and height (y)</source>
        <translation>最大平移量，以宽度（x）和高度（y）的比例表示</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Range of the zoom factor</source>
        <translation>缩放系数的范围</translation>
    </message>
    <message>
        <source>Shear (°)</source>
        <translation>错切（°）</translation>
    </message>
    <message>
        <source>Range of the shear along x</source>
        <translation>沿 x 方向错切的范围</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>系数</translation>
    </message>
    <message>
        <source>Range of the factor; 1 keeps the image</source>
        <translation>系数的范围；1 表示保持原图</translation>
    </message>
    <message>
        <source>Range of the hue shift as a fraction of the colour circle</source>
        <translation>色调偏移的范围，以色环的比例表示</translation>
    </message>
    <message>
        <source>Kernel (px)</source>
        <translation>核大小（像素）</translation>
    </message>
    <message>
        <source>Kernel width, odd</source>
        <translation>核宽度，须为奇数</translation>
    </message>
    <message>
        <source>Sigma</source>
        <translation>Sigma</translation>
    </message>
    <message>
        <source>Range of the standard deviation in pixels</source>
        <translation>标准差的范围（像素）</translation>
    </message>
    <message>
        <source>Standard deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Of the noise, on the 0 to 1 pixel scale</source>
        <translation>噪声的标准差，按 0 到 1 的像素值范围计</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>One value, or one per channel, separated by commas</source>
        <translation>一个值，或每个通道一个值，以逗号分隔</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>标准差</translation>
    </message>
</context>
<context>
    <name>mf::ParallelFields</name>
    <message>
        <source>Train on this many local processes (PyTorch&apos;s c10d with Gloo): this one and modelforge-cli workers beside it</source>
        <translation>在这么多个本地进程上训练（PyTorch 的 c10d，Gloo 后端）：本进程加上与之并行的 modelforge-cli 工作进程</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程数</translation>
    </message>
    <message>
        <source>Data parallel</source>
        <translation>数据并行</translation>
    </message>
    <message>
        <source>Each process trains the whole model on its share of every epoch&apos;s data; the gradients are averaged every step</source>
        <translation>每个进程在每轮数据中属于自己的那一份上训练完整模型；每一步对梯度求平均</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>流水线</translation>
    </message>
    <message>
        <source>Each process trains a run of the model&apos;s layers; each batch passes through them in micro-batches</source>
        <translation>每个进程训练模型中连续的若干层；每个批次切成微批次依次流过它们</translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation>并行方式</translation>
    </message>
    <message>
        <source>Pipeline: the pieces each batch is cut into, so that the stages work at the same time</source>
        <translation>流水线：每个批次切成的份数，使各阶段能同时工作</translation>
    </message>
    <message>
        <source>Micro-batches</source>
        <translation>微批次</translation>
    </message>
    <message>
        <source>GPipe</source>
        <translation>GPipe</translation>
    </message>
    <message>
        <source>Every micro-batch forward, then every one backward: each process holds the activations of all micro-batches</source>
        <translation>先让所有微批次前向，再全部反向：每个进程要保存所有微批次的激活</translation>
    </message>
    <message>
        <source>1F1B</source>
        <translation>1F1B</translation>
    </message>
    <message>
        <source>One forward, one backward in turn once the pipeline is full: the same result and idle time, with at most as many micro-batches&apos; activations held as there are processes</source>
        <translation>流水线填满后前向、反向交替进行：结果和空闲时间相同，但每个进程保存的微批次激活不超过进程数</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>%1 processes × %2 thread(s) on %3 cores; each process loads the data itself, and a run on several processes cannot pause.</source>
        <translation>%1 个进程 × 每个 %2 个线程，共 %3 个核心；每个进程各自加载数据，多进程运行无法暂停。</translation>
    </message>
    <message>
        <source>More threads than cores: the processes will slow each other down.</source>
        <translation>线程数多于核心数：各进程会相互拖慢。</translation>
    </message>
    <message>
        <source>Processes pay off when each has several cores; with one core each, one process with all cores is often faster.</source>
        <translation>每个进程拥有多个核心时多进程才划算；每个进程只有一个核心时，单进程使用全部核心往往更快。</translation>
    </message>
    <message>
        <source>Processes: runs on several processes train on the CPU (Gloo); choose the CPU as the device</source>
        <translation>进程数：多进程运行在 CPU 上训练（Gloo）；请选择 CPU 作为设备</translation>
    </message>
    <message>
        <source>Parallelism: a pipeline splits image and table models only (MLP, CNN); train text models data-parallel</source>
        <translation>并行方式：流水线只能拆分图像和表格模型（MLP、CNN）；文本模型请用数据并行训练</translation>
    </message>
    <message>
        <source>Parallelism: a pipeline trains in float32 only; turn mixed precision off</source>
        <translation>并行方式：流水线只支持 float32 训练；请关闭混合精度</translation>
    </message>
    <message>
        <source>Over every process&apos;s batch</source>
        <translation>基于所有进程的批次</translation>
    </message>
    <message>
        <source>Data parallel: batch norm normalises by the mean and variance of all processes&apos; samples, as one process training on the whole batch would (one more exchange per batch-norm layer). Off: each process uses its own batch&apos;s</source>
        <translation>数据并行：批归一化按所有进程样本的均值和方差归一化，与单进程在整个批次上训练时相同（每个批归一化层多一次通信）。关闭：每个进程使用自己批次的统计量</translation>
    </message>
    <message>
        <source>Batch norm statistics</source>
        <translation>批归一化统计量</translation>
    </message>
    <message>
        <source>Batch norm statistics: synchronised statistics span data-parallel processes; turn them off for a pipeline</source>
        <translation>批归一化统计量：同步统计量只跨数据并行的进程；流水线请关闭此项</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How long a process waits for the others: one that died or hangs fails the run after this long, and the others are stopped</source>
        <translation>一个进程等待其他进程的时长：某个进程崩溃或卡住时，运行在这么久之后失败，其余进程随之停止</translation>
    </message>
    <message>
        <source>Worker timeout</source>
        <translation>工作进程超时</translation>
    </message>
</context>
<context>
    <name>mf::ParameterForm</name>
    <message>
        <source>No step selected</source>
        <translation>未选择步骤</translation>
    </message>
    <message>
        <source>Add an operation with the Add button; the preview shows every change.</source>
        <translation>使用“添加”按钮添加操作；预览会显示每一处更改。</translation>
    </message>
    <message>
        <source>Select a step to edit its parameters.</source>
        <translation>选择一个步骤以编辑其参数。</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Chance that a sample gets this operation</source>
        <translation>样本被施加此操作的概率</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>%1: enter numbers separated by commas, e.g. 0.5, 0.5, 0.5</source>
        <translation>%1：请输入以逗号分隔的数字，例如 0.5, 0.5, 0.5</translation>
    </message>
</context>
<context>
    <name>mf::ParetoChart</name>
    <message>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
</context>
<context>
    <name>mf::PipelineEditor</name>
    <message>
        <source>Steps run from top to bottom; drag a step to move it</source>
        <translation>步骤从上到下依次执行；拖动步骤可调整顺序</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add an operation at the end</source>
        <translation>在末尾添加操作</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation>移除所选步骤</translation>
    </message>
    <message>
        <source>Move the selected step up</source>
        <translation>上移所选步骤</translation>
    </message>
    <message>
        <source>Move the selected step down</source>
        <translation>下移所选步骤</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>流水线</translation>
    </message>
</context>
<context>
    <name>mf::PipelineModel</name>
    <message>
        <source>p %1</source>
        <translation>p %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>There is no step %1.</source>
        <translation>不存在步骤 %1。</translation>
    </message>
</context>
<context>
    <name>mf::PredictionValueEditor</name>
    <message>
        <source>The classes of the model, separated by commas, in the order of the matrices&apos; rows and columns</source>
        <translation>模型的类别，以逗号分隔，顺序与矩阵的行和列一致</translation>
    </message>
    <message>
        <source>How often each outcome happens: the test set&apos;s confusion matrix (counts), rows true class, columns predicted. Fill from run takes a run&apos;s measured matrix.</source>
        <translation>每种结果出现的频次：测试集的混淆矩阵（计数），行为真实类别，列为预测类别。“从运行填充”会采用某个运行实测的矩阵。</translation>
    </message>
    <message>
        <source>How the benefit figures were derived</source>
        <translation>收益数值的推导方式</translation>
    </message>
    <message>
        <source>Where the counts come from</source>
        <translation>计数的来源</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>What each outcome is worth, in %1 per prediction (a cost is negative): rows true class, columns predicted class.</source>
        <translation>每种结果的价值，以每次预测的 %1 计（成本为负值）：行为真实类别，列为预测类别。</translation>
    </message>
    <message>
        <source>Classes: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <source>Benefit matrix: %1</source>
        <translation>收益矩阵：%1</translation>
    </message>
    <message>
        <source>Confusion matrix: %1</source>
        <translation>混淆矩阵：%1</translation>
    </message>
    <message>
        <source>true %1</source>
        <translation>真实 %1</translation>
    </message>
    <message>
        <source>predicted %1</source>
        <translation>预测 %1</translation>
    </message>
</context>
<context>
    <name>mf::PreviewModel</name>
    <message>
        <source>Sample %1</source>
        <translation>样本 %1</translation>
    </message>
    <message>
        <source>%1, original</source>
        <translation>%1，原图</translation>
    </message>
    <message>
        <source>%1: no variant (%2)</source>
        <translation>%1：无变体（%2）</translation>
    </message>
    <message>
        <source>%1 · seed %2 · epoch %3</source>
        <translation>%1 · 种子 %2 · 轮次 %3</translation>
    </message>
    <message>
        <source>No operation applied</source>
        <translation>未应用任何操作</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>The sample as stored, without augmentation</source>
        <translation>存储的原始样本，未经增强</translation>
    </message>
    <message>
        <source>Seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <source>Drawn with seed %1 for epoch %2</source>
        <translation>以种子 %1 为第 %2 轮抽取</translation>
    </message>
    <message>
        <source>Training sample %1</source>
        <translation>训练样本 %1</translation>
    </message>
</context>
<context>
    <name>mf::PreviewPanel</name>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一组</translation>
    </message>
    <message>
        <source>Show drawn parameters</source>
        <translation>显示抽取的参数</translation>
    </message>
    <message>
        <source>Indices of training samples, separated by commas (at most %1)</source>
        <translation>训练样本的索引，以逗号分隔（最多 %1 个）</translation>
    </message>
    <message>
        <source>Show as many other samples, chosen at random</source>
        <translation>随机选取同样数量的其他样本来显示</translation>
    </message>
    <message>
        <source>Show the samples that follow the last one</source>
        <translation>显示最后一个样本之后的样本</translation>
    </message>
    <message>
        <source>Variants per sample; variant v is drawn with seed + v</source>
        <translation>每个样本的变体数；第 v 个变体使用种子 + v 抽取</translation>
    </message>
    <message>
        <source>The run seed: with the seed and epoch of a run, the first variant is what that run trains on</source>
        <translation>运行的种子：使用某次运行的种子和轮次时，第一个变体就是该运行实际训练的数据</translation>
    </message>
    <message>
        <source>Training epoch, counted from 1</source>
        <translation>训练轮次，从 1 开始计数</translation>
    </message>
    <message>
        <source>&amp;Samples:</source>
        <translation>样本(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Variants:</source>
        <translation>变体(&amp;V)：</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <source>E&amp;poch:</source>
        <translation>轮次(&amp;P)：</translation>
    </message>
    <message>
        <source>“%1” is not a sample index from 0 to %2.</source>
        <translation>“%1”不是 0 到 %2 之间的样本索引。</translation>
    </message>
    <message>
        <source>There are no samples to show.</source>
        <translation>没有可显示的样本。</translation>
    </message>
    <message>
        <source>Enter at least one sample index.</source>
        <translation>请至少输入一个样本索引。</translation>
    </message>
    <message>
        <source>Enter at most %1 samples.</source>
        <translation>最多只能输入 %1 个样本。</translation>
    </message>
    <message>
        <source>The variants cannot be drawn: %1</source>
        <translation>无法抽取变体：%1</translation>
    </message>
    <message>
        <source>%1 × %2 tiles drawn in %3 ms</source>
        <translation>已绘制 %1 × %2 个图块，用时 %3 毫秒</translation>
    </message>
</context>
<context>
    <name>mf::PreviewRendering</name>
    <message>
        <source>The preview shows image datasets; this one holds a table.</source>
        <translation>预览仅支持图像数据集；此数据集是表格。</translation>
    </message>
    <message>
        <source>Sample %1 is outside the %2 training samples.</source>
        <translation>样本 %1 超出了 %2 个训练样本的范围。</translation>
    </message>
</context>
<context>
    <name>mf::RoiCharts</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Cumulative cash flow</source>
        <translation>累计现金流</translation>
    </message>
    <message>
        <source>Monthly costs by category</source>
        <translation>按类别划分的月度成本</translation>
    </message>
    <message>
        <source>Monthly revenue by stream</source>
        <translation>按收入来源划分的月度收入</translation>
    </message>
    <message>
        <source>Sensitivity of the NPV (tornado)</source>
        <translation>NPV 敏感性（龙卷风图）</translation>
    </message>
    <message>
        <source>Monte Carlo distribution of the NPV</source>
        <translation>NPV 的蒙特卡洛分布</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验次数</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — break-even after %2</source>
        <translation>%1 — %2后盈亏平衡</translation>
    </message>
    <message>
        <source>%1 — no break-even within the horizon</source>
        <translation>%1 — 预测期内未达到盈亏平衡</translation>
    </message>
    <message>
        <source>Monthly net cash flow</source>
        <translation>月度净现金流</translation>
    </message>
    <message>
        <source>Cash flow</source>
        <translation>现金流</translation>
    </message>
    <message>
        <source>Break-even: month %1</source>
        <translation>盈亏平衡：第 %1 个月</translation>
    </message>
    <message>
        <source>Cost per month</source>
        <translation>每月成本</translation>
    </message>
    <message>
        <source>Revenue per month</source>
        <translation>每月收入</translation>
    </message>
    <message>
        <source>no input with a range moves the NPV; give inputs a low and a high</source>
        <translation>没有任何带范围的输入项会影响 NPV；请为输入项设置低值和高值</translation>
    </message>
    <message>
        <source>Input at its low end</source>
        <translation>输入项取低值</translation>
    </message>
    <message>
        <source>Input at its high end</source>
        <translation>输入项取高值</translation>
    </message>
    <message>
        <source>NPV</source>
        <translation>NPV</translation>
    </message>
    <message>
        <source>Base NPV: %1</source>
        <translation>基准 NPV：%1</translation>
    </message>
    <message>
        <source>not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <source>%1 — %2 trials, probability of loss %3</source>
        <translation>%1 — %2 次试验，亏损概率 %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>mf::RoiComparePanel</name>
    <message>
        <source>Worst, base and best case of this scenario</source>
        <translation>此情景的最差、基准和最佳情况</translation>
    </message>
    <message>
        <source>Saved scenarios side by side</source>
        <translation>并排比较已保存的情景</translation>
    </message>
    <message>
        <source>Check the scenarios to compare</source>
        <translation>勾选要比较的情景</translation>
    </message>
    <message>
        <source>Every input with a range moved to the end that lowers the NPV (worst) or raises it (best), one input at a time as in the tornado.</source>
        <translation>每个带范围的输入项被移到使 NPV 降低（最差）或升高（最佳）的一端，与龙卷风图一样每次只变动一个输入项。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Base case</source>
        <translation>基准情况</translation>
    </message>
    <message>
        <source>Worst case</source>
        <translation>最差情况</translation>
    </message>
    <message>
        <source>Best case</source>
        <translation>最佳情况</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>mf::RoiFormSection</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>mf::RoiFormat</name>
    <message>
        <source>%1/h</source>
        <translation>%1/小时</translation>
    </message>
    <message>
        <source>%1/kWh</source>
        <translation>%1/kWh</translation>
    </message>
    <message>
        <source>%1/GB-month</source>
        <translation>%1/GB·月</translation>
    </message>
    <message>
        <source>%1/1,000</source>
        <translation>%1/1,000</translation>
    </message>
    <message>
        <source>h</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>kW</source>
        <translation>kW</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>/day</source>
        <translation>/天</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/秒</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>FLOP/s</source>
        <translation>FLOP/s</translation>
    </message>
    <message>
        <source>/month</source>
        <translation>/月</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>%1 billions</source>
        <translation>十亿 %1</translation>
    </message>
    <message>
        <source>%1 millions</source>
        <translation>百万 %1</translation>
    </message>
    <message>
        <source>%1 thousands</source>
        <translation>千 %1</translation>
    </message>
</context>
<context>
    <name>mf::RoiInputField</name>
    <message>
        <source>±</source>
        <translation>±</translation>
    </message>
    <message>
        <source>Range for the uncertainty analysis, and the source</source>
        <translation>不确定性分析的范围，以及来源</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Triangular</source>
        <translation>三角分布</translation>
    </message>
    <message>
        <source>PERT</source>
        <translation>PERT</translation>
    </message>
    <message>
        <source>How the Monte Carlo draws this input between low and high: Fixed keeps the base value, Triangular and PERT peak at it.</source>
        <translation>蒙特卡洛在低值和高值之间抽取此输入项的方式：“固定”保持基准值，“三角分布”和 PERT 以基准值为峰值。</translation>
    </message>
    <message>
        <source>Worst-case end of the range (the tornado and the Monte Carlo use it)</source>
        <translation>范围的最差情况一端（龙卷风图和蒙特卡洛会使用）</translation>
    </message>
    <message>
        <source>Best-case end of the range</source>
        <translation>范围的最佳情况一端</translation>
    </message>
    <message>
        <source>Where the figure comes from</source>
        <translation>该数值的来源</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>The date the figure was true on (YYYY-MM-DD)</source>
        <translation>该数值成立的日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低值</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>请输入一个数字。</translation>
    </message>
    <message>
        <source>“%1” is not a number; enter one such as %2.</source>
        <translation>“%1”不是数字；请输入数字，例如 %2。</translation>
    </message>
    <message>
        <source>range %1 to %2</source>
        <translation>范围 %1 至 %2</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Low: %1</source>
        <translation>低值：%1</translation>
    </message>
    <message>
        <source>High: %1</source>
        <translation>高值：%1</translation>
    </message>
</context>
<context>
    <name>mf::RoiInputForm</name>
    <message>
        <source>ISO 4217 code of the currency every money figure is in (USD, EUR, CNY)</source>
        <translation>所有金额所用货币的 ISO 4217 代码（USD、EUR、CNY）</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>Value of predictions</source>
        <translation>预测价值</translation>
    </message>
    <message>
        <source>Notes and assumptions</source>
        <translation>备注与假设</translation>
    </message>
    <message>
        <source>The assumptions in words, for the report</source>
        <translation>用文字说明的假设，用于报告</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mf::RoiKeyFigures</name>
    <message>
        <source>NPV (first month undiscounted)</source>
        <translation>NPV（首月不折现）</translation>
    </message>
    <message>
        <source>Excel NPV (first month discounted)</source>
        <translation>Excel NPV（首月折现）</translation>
    </message>
    <message>
        <source>IRR (annualised)</source>
        <translation>IRR（年化）</translation>
    </message>
    <message>
        <source>MIRR (annualised)</source>
        <translation>MIRR（年化）</translation>
    </message>
    <message>
        <source>Payback</source>
        <translation>回收期</translation>
    </message>
    <message>
        <source>Discounted payback</source>
        <translation>折现回收期</translation>
    </message>
    <message>
        <source>Break-even month</source>
        <translation>盈亏平衡月份</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Total cost of ownership</source>
        <translation>总拥有成本（TCO）</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>Total revenue and benefit</source>
        <translation>总收入与收益</translation>
    </message>
    <message>
        <source>Serving instances</source>
        <translation>服务实例数</translation>
    </message>
    <message>
        <source>Cost per 1,000 requests</source>
        <translation>每 1,000 次请求的成本</translation>
    </message>
    <message>
        <source>LTV/CAC</source>
        <translation>LTV/CAC</translation>
    </message>
    <message>
        <source>Value per prediction</source>
        <translation>每次预测的价值</translation>
    </message>
    <message>
        <source>Net present value at the discount rate, the first month&apos;s flow taken as it is (numpy-financial&apos;s npv).</source>
        <translation>按折现率计算的净现值，首月现金流不折现（即 numpy-financial 的 npv）。</translation>
    </message>
    <message>
        <source>Net present value as Excel&apos;s NPV() computes it: every month discounted, the first one by one month.</source>
        <translation>按 Excel 的 NPV() 方式计算的净现值：每个月都折现，首月折现一个月。</translation>
    </message>
    <message>
        <source>Internal rate of return of the monthly flows, annualised as (1 + monthly)^12 - 1. Flows that never change sign have no root; flows that change sign more than once may have several.</source>
        <translation>月度现金流的内部收益率，按 (1 + 月收益率)^12 - 1 年化。从不变号的现金流没有根；多次变号的现金流可能有多个根。</translation>
    </message>
    <message>
        <source>Modified IRR: outflows financed at the finance rate, inflows reinvested at the reinvestment rate, annualised.</source>
        <translation>修正内部收益率：流出按融资利率融资，流入按再投资利率再投资，并年化。</translation>
    </message>
    <message>
        <source>When the cumulative cash flow turns positive for good, in months from the start (fractional).</source>
        <translation>累计现金流最终转正（此后不再为负）的时间，以从起始算起的月数表示（可含小数）。</translation>
    </message>
    <message>
        <source>The payback of the discounted cash flows.</source>
        <translation>折现现金流的回收期。</translation>
    </message>
    <message>
        <source>The first month from which every monthly result is positive or zero (month 0 is the first).</source>
        <translation>从该月起每个月的结果都为正或零的第一个月（第 0 个月为首月）。</translation>
    </message>
    <message>
        <source>(Total revenue - total cost) / total cost, undiscounted, over the horizon.</source>
        <translation>(总收入 - 总成本) / 总成本，不折现，覆盖整个预测期。</translation>
    </message>
    <message>
        <source>Hardware depreciation within the horizon plus every operating cost.</source>
        <translation>预测期内的硬件折旧加上全部运营成本。</translation>
    </message>
    <message>
        <source>Every cost over the horizon, undiscounted, hardware included.</source>
        <translation>预测期内的全部成本，不折现，含硬件。</translation>
    </message>
    <message>
        <source>Every revenue stream and the value of predictions over the horizon, undiscounted.</source>
        <translation>预测期内所有收入来源及预测价值之和，不折现。</translation>
    </message>
    <message>
        <source>Instances serving at full adoption: peak load over the target utilisation, plus the spare ones.</source>
        <translation>完全采用时提供服务的实例数：峰值负载除以目标利用率，再加上备用实例。</translation>
    </message>
    <message>
        <source>Serving cost per month (instances and their energy) per 1,000 requests, at full adoption.</source>
        <translation>完全采用时，每 1,000 次请求的每月服务成本（实例及其能耗）。</translation>
    </message>
    <message>
        <source>Lifetime value of a subscriber over the cost of acquiring one.</source>
        <translation>单个订阅者的生命周期价值与获取一个订阅者的成本之比。</translation>
    </message>
    <message>
        <source>The benefit matrix weighted by the normalised confusion matrix: what one prediction is worth on average.</source>
        <translation>以归一化混淆矩阵加权的收益矩阵：单次预测的平均价值。</translation>
    </message>
    <message>
        <source>beyond range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>no root</source>
        <translation>无根</translation>
    </message>
    <message>
        <source>several roots</source>
        <translation>多个根</translation>
    </message>
    <message>
        <source>several roots (%1)</source>
        <translation>多个根（%1）</translation>
    </message>
    <message>
        <source>not within the horizon</source>
        <translation>不在预测期内</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>month %1</source>
        <translation>第 %1 个月</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
</context>
<context>
    <name>mf::RoiMonteCarloPanel</name>
    <message>
        <source>Run Monte Carlo</source>
        <translation>运行蒙特卡洛</translation>
    </message>
    <message>
        <source>How many scenarios to draw; 10,000 gives percentiles to about 1 %</source>
        <translation>要抽取的情景数量；10,000 次可使百分位数精确到约 1 %</translation>
    </message>
    <message>
        <source>The same seed draws the same trials: the result is reproducible</source>
        <translation>相同的种子抽取相同的试验：结果可复现</translation>
    </message>
    <message>
        <source>Draws every input that has a range (triangular or PERT) and computes the NPV of each trial</source>
        <translation>抽取每个带范围（三角分布或 PERT）的输入项，并计算每次试验的 NPV</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验次数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Drawing %1 trials…</source>
        <translation>正在抽取 %1 次试验…</translation>
    </message>
    <message>
        <source>The Monte Carlo failed: %1</source>
        <translation>蒙特卡洛模拟失败：%1</translation>
    </message>
    <message>
        <source>%1 trials in %2 s.</source>
        <translation>%1 次试验，用时 %2 秒。</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>press Run Monte Carlo</source>
        <translation>请按“运行蒙特卡洛”</translation>
    </message>
    <message>
        <source>Draws every input with a range many times and shows how the NPV spreads: P10 is the NPV that 10 % of the trials fall below.</source>
        <translation>多次抽取每个带范围的输入项，显示 NPV 的分布情况：P10 是有 10 % 的试验低于它的 NPV。</translation>
    </message>
    <message>
        <source>P10 %1 · P50 %2 · P90 %3 · mean %4 · probability of loss %5 · %6 inputs drawn</source>
        <translation>P10 %1 · P50 %2 · P90 %3 · 均值 %4 · 亏损概率 %5 · 抽取了 %6 个输入项</translation>
    </message>
    <message>
        <source>Out of date: the inputs changed since this run. %1</source>
        <translation>已过期：此次运行后输入项已更改。%1</translation>
    </message>
</context>
<context>
    <name>mf::RoiPage</name>
    <message>
        <source>No ROI scenario yet</source>
        <translation>尚无 ROI 情景</translation>
    </message>
    <message>
        <source>Start from an industry case: each template writes out every assumption as an input you can change, with its source. Fill the training and serving costs from a run afterwards.</source>
        <translation>从行业案例开始：每个模板都会把每条假设写成可修改的输入项，并附上其来源。之后可以从某个运行填充训练和服务成本。</translation>
    </message>
    <message>
        <source>Fill from Run…</source>
        <translation>从运行填充…</translation>
    </message>
    <message>
        <source>Measure a trained run on this machine and take its training time, latency, throughput and confusion matrix</source>
        <translation>在本机测量一个已训练的运行，采用其训练时间、延迟、吞吐量和混淆矩阵</translation>
    </message>
    <message>
        <source>Fill from Compressed Variant…</source>
        <translation>从压缩变体填充…</translation>
    </message>
    <message>
        <source>Training figures from a run, serving figures and the confusion matrix from one of its compressed variants</source>
        <translation>训练指标取自运行，服务指标和混淆矩阵取自其某个压缩变体</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add a scenario from a JSON file to the workspace</source>
        <translation>从 JSON 文件向工作区添加一个情景</translation>
    </message>
    <message>
        <source>Scenario as JSON…</source>
        <translation>情景导出为 JSON…</translation>
    </message>
    <message>
        <source>The whole scenario as a JSON file that re-opens identically</source>
        <translation>将整个情景导出为 JSON 文件，重新打开时完全一致</translation>
    </message>
    <message>
        <source>Cash Flow as CSV…</source>
        <translation>现金流导出为 CSV…</translation>
    </message>
    <message>
        <source>The monthly cash-flow table for a spreadsheet</source>
        <translation>供电子表格使用的月度现金流表</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>A report for stakeholders: key figures, charts, inputs with their sources</source>
        <translation>面向利益相关方的报告：关键指标、图表以及附带来源的输入项</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Key figures and charts full screen; arrow keys change slides</source>
        <translation>全屏显示关键指标和图表；用方向键切换幻灯片</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cash Flow</source>
        <translation>现金流</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Tornado</source>
        <translation>龙卷风图</translation>
    </message>
    <message>
        <source>Monte Carlo</source>
        <translation>蒙特卡洛</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>the scenario cannot be computed</source>
        <translation>无法计算该情景</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;: %3</source>
        <translation>&lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;：%3</translation>
    </message>
    <message numerus="yes">
        <source>and %n more, marked in the form.</source>
        <translation>
            <numerusform>另有 %n 个，已在表单中标出。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;The scenario cannot be computed.&lt;/b&gt; %n input(s) need attention:</source>
        <translation>
            <numerusform>&lt;b&gt;无法计算该情景。&lt;/b&gt;有 %n 个输入项需要处理：</numerusform>
        </translation>
    </message>
    <message>
        <source>The scenario cannot be computed: correct the inputs marked in the form first.</source>
        <translation>无法计算该情景：请先更正表单中标出的输入项。</translation>
    </message>
    <message>
        <source>Import ROI Scenario</source>
        <translation>导入 ROI 情景</translation>
    </message>
    <message>
        <source>ROI scenarios (*.json);;All files (*)</source>
        <translation>ROI 情景 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>已导入 %1。</translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>已导出 %1。</translation>
    </message>
    <message>
        <source>Cannot export %1: %2</source>
        <translation>无法导出 %1：%2</translation>
    </message>
    <message>
        <source>Export ROI Scenario</source>
        <translation>导出 ROI 情景</translation>
    </message>
    <message>
        <source>ROI scenarios (*.json)</source>
        <translation>ROI 情景 (*.json)</translation>
    </message>
    <message>
        <source>Export Cash Flow</source>
        <translation>导出现金流</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export ROI Report</source>
        <translation>导出 ROI 报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>the scenario has input problems; correct them first.</source>
        <translation>该情景的输入项有问题；请先更正。</translation>
    </message>
    <message>
        <source>Correct the scenario&apos;s input problems before presenting it.</source>
        <translation>请先更正该情景的输入项问题，再进行演示。</translation>
    </message>
    <message>
        <source>The measurement finished after another scenario was opened; nothing was filled.</source>
        <translation>测量完成时已打开了另一个情景；未填充任何内容。</translation>
    </message>
    <message>
        <source>%1 and #%2</source>
        <translation>%1 和 #%2</translation>
    </message>
    <message numerus="yes">
        <source>Filled %n figure(s) from run %1; the Sources tab lists each with its measurement.</source>
        <translation>
            <numerusform>已从运行 %1 填充 %n 个数值；“来源”选项卡列出了每个数值及其测量情况。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mf::RoiPdfReport</name>
    <message>
        <source>The scenario cannot be projected: %1: %2</source>
        <translation>无法对该情景进行预测：%1：%2</translation>
    </message>
    <message>
        <source>%1: return on investment</source>
        <translation>%1：投资回报</translation>
    </message>
    <message>
        <source>The PDF could not be drawn.</source>
        <translation>无法绘制 PDF。</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 — return on investment, %2</source>
        <translation>%1 — 投资回报，%2</translation>
    </message>
    <message>
        <source>Return on investment report</source>
        <translation>投资回报报告</translation>
    </message>
    <message>
        <source>Prepared on %1</source>
        <translation>编制于 %1</translation>
    </message>
    <message>
        <source>Currency: %1</source>
        <translation>货币：%1</translation>
    </message>
    <message>
        <source>Horizon: %1 months; discount rate %2 a year</source>
        <translation>预测期：%1 个月；年折现率 %2</translation>
    </message>
    <message>
        <source>No figure was measured from a run: every input is typed in or an assumption of the template, with its source listed under Inputs.</source>
        <translation>没有任何数值是从运行中测得的：所有输入项均为手动输入或模板的假设，其来源列于“输入项”下。</translation>
    </message>
    <message>
        <source>Figures measured from run(s) %1 on this machine; see &quot;Where the figures come from&quot;.</source>
        <translation>数值测自本机上的运行 %1；参见“数值来源”。</translation>
    </message>
    <message>
        <source>Money is in %1. Months are counted from 0, the first month of the horizon.</source>
        <translation>金额以 %1 计。月份从 0 开始计数，第 0 个月为预测期的首月。</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Worst, base and best case</source>
        <translation>最差、基准和最佳情况</translation>
    </message>
    <message>
        <source>Each uncertain input at the end of its range that lowers (worst) or raises (best) the NPV.</source>
        <translation>每个不确定的输入项取其范围中使 NPV 降低（最差）或升高（最佳）的一端。</translation>
    </message>
    <message>
        <source>Worst</source>
        <translation>最差</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>not within the horizon</source>
        <translation>不在预测期内</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>NPV</source>
        <translation>NPV</translation>
    </message>
    <message>
        <source>IRR</source>
        <translation>IRR</translation>
    </message>
    <message>
        <source>Payback</source>
        <translation>回收期</translation>
    </message>
    <message>
        <source>Monte Carlo</source>
        <translation>蒙特卡洛</translation>
    </message>
    <message>
        <source>No Monte Carlo simulation was run for this report.</source>
        <translation>本报告未运行蒙特卡洛模拟。</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Figure %1. %2</source>
        <translation>图 %1. %2</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入项</translation>
    </message>
    <message>
        <source>Every input of the model with its value, the range used for the worst and best case, the tornado and the Monte Carlo, where it comes from and as of when.</source>
        <translation>模型的每个输入项及其值、用于最差和最佳情况、龙卷风图和蒙特卡洛的范围、来源以及截至日期。</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入项</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <source>certain</source>
        <translation>确定值</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>, triangular</source>
        <translation>，三角分布</translation>
    </message>
    <message>
        <source>, PERT</source>
        <translation>，PERT</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>model default</source>
        <translation>模型默认值</translation>
    </message>
    <message>
        <source>Value of predictions</source>
        <translation>预测价值</translation>
    </message>
    <message>
        <source>What each outcome is worth (true class in the rows, predicted class in the columns, in %1 per prediction) and how often it happened in the measured confusion matrix.</source>
        <translation>每种结果的价值（行为真实类别，列为预测类别，以每次预测的 %1 计），以及它在实测混淆矩阵中出现的频次。</translation>
    </message>
    <message>
        <source>True \ predicted</source>
        <translation>真实 \ 预测</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Benefit matrix (%1)</source>
        <translation>收益矩阵（%1）</translation>
    </message>
    <message>
        <source>Confusion matrix (counts)</source>
        <translation>混淆矩阵（计数）</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>The scenario has no notes.</source>
        <translation>该情景没有备注。</translation>
    </message>
    <message>
        <source>Where the figures come from</source>
        <translation>数值来源</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>No figure was measured from a run. The inputs are typed in or assumptions of the template; their sources are listed under Inputs.</source>
        <translation>没有任何数值是从运行中测得的。输入项为手动输入或模板的假设；其来源列于“输入项”下。</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Measured on this machine from %1 of the workspace&apos;s run store. Each filled input names the run, the figure measured, the machine and the date.</source>
        <translation>在本机上从工作区运行记录库中的 %1 测得。每个已填充的输入项都注明了运行、所测数值、机器和日期。</translation>
    </message>
    <message>
        <source>Measured from</source>
        <translation>测量来源</translation>
    </message>
</context>
<context>
    <name>mf::RoiPresentation</name>
    <message>
        <source>%1 — presentation</source>
        <translation>%1 — 演示</translation>
    </message>
    <message>
        <source>← → to move between slides, Esc to close</source>
        <translation>← → 切换幻灯片，Esc 关闭</translation>
    </message>
    <message>
        <source>Return on investment</source>
        <translation>投资回报</translation>
    </message>
    <message>
        <source>The scenario cannot be projected: %1: %2</source>
        <translation>无法对该情景进行预测：%1：%2</translation>
    </message>
    <message>
        <source>%1 months, money in %2</source>
        <translation>%1 个月，金额以 %2 计</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>mf::RoiReportPainter</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
</context>
<context>
    <name>mf::RoiReportRows</name>
    <message>
        <source>Trials</source>
        <translation>试验次数</translation>
    </message>
    <message>
        <source>uncertain inputs drawn in each: %1</source>
        <translation>每次试验抽取的不确定输入项：%1</translation>
    </message>
    <message>
        <source>NPV, P10</source>
        <translation>NPV，P10</translation>
    </message>
    <message>
        <source>10% of the trials fall below</source>
        <translation>10% 的试验低于此值</translation>
    </message>
    <message>
        <source>NPV, P50</source>
        <translation>NPV，P50</translation>
    </message>
    <message>
        <source>the median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>NPV, P90</source>
        <translation>NPV，P90</translation>
    </message>
    <message>
        <source>90% of the trials fall below</source>
        <translation>90% 的试验低于此值</translation>
    </message>
    <message>
        <source>NPV, mean</source>
        <translation>NPV，均值</translation>
    </message>
    <message>
        <source>Probability of a loss</source>
        <translation>亏损概率</translation>
    </message>
    <message>
        <source>share of trials with a negative NPV</source>
        <translation>NPV 为负的试验所占比例</translation>
    </message>
</context>
<context>
    <name>mf::RoiScenarioLibrary</name>
    <message>
        <source>No workspace is open.</source>
        <translation>未打开工作区。</translation>
    </message>
</context>
<context>
    <name>mf::RoiScenarioPanel</name>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>A new scenario from one of the industry templates</source>
        <translation>基于某个行业模板新建情景</translation>
    </message>
    <message>
        <source>A copy of this scenario, to vary it</source>
        <translation>复制此情景，以便做出变化</translation>
    </message>
    <message>
        <source>Rename this scenario</source>
        <translation>重命名此情景</translation>
    </message>
    <message>
        <source>Remove this scenario from the workspace</source>
        <translation>从工作区中移除此情景</translation>
    </message>
    <message>
        <source>Changes are saved automatically; a scenario that is not in the workspace yet is kept once saved</source>
        <translation>更改会自动保存；尚未加入工作区的情景在保存后才会保留</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Credit-risk scoring</source>
        <translation>信用风险评分</translation>
    </message>
    <message>
        <source>Medical screening</source>
        <translation>医学筛查</translation>
    </message>
    <message>
        <source>Tutoring app</source>
        <translation>辅导应用</translation>
    </message>
    <message>
        <source>Finance: a lender&apos;s application-scoring model, valued by the bad loans it declines and the good ones it loses</source>
        <translation>金融：贷款机构的申请评分模型，以其拒绝的坏账和损失的优质贷款来衡量价值</translation>
    </message>
    <message>
        <source>Healthcare: an image-reading model in a screening programme, where a missed case costs far more than a false alarm</source>
        <translation>医疗：筛查项目中的影像判读模型，漏诊的代价远高于误报</translation>
    </message>
    <message>
        <source>Education: a tutoring app sold by subscription, its adoption following the Bass model</source>
        <translation>教育：按订阅销售的辅导应用，其采用遵循 Bass 模型</translation>
    </message>
    <message>
        <source>Cannot list the saved scenarios</source>
        <translation>无法列出已保存的情景</translation>
    </message>
    <message>
        <source>Cannot open the scenario</source>
        <translation>无法打开该情景</translation>
    </message>
    <message>
        <source>Cannot add the scenario to the workspace</source>
        <translation>无法将该情景添加到工作区</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Cannot duplicate the scenario</source>
        <translation>无法复制该情景</translation>
    </message>
    <message>
        <source>Cannot rename the scenario</source>
        <translation>无法重命名该情景</translation>
    </message>
    <message>
        <source>A scenario needs a name.</source>
        <translation>情景需要一个名称。</translation>
    </message>
    <message>
        <source>Cannot delete the scenario</source>
        <translation>无法删除该情景</translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation>%1（未保存）</translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>修改于 %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Not in the workspace yet: Save keeps this scenario.</source>
        <translation>尚未加入工作区：点击“保存”以保留此情景。</translation>
    </message>
    <message>
        <source>Saving changes…</source>
        <translation>正在保存更改…</translation>
    </message>
    <message>
        <source>All changes saved.</source>
        <translation>所有更改均已保存。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Rename Scenario</source>
        <translation>重命名情景</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Delete Scenario</source>
        <translation>删除情景</translation>
    </message>
    <message>
        <source>Delete the scenario “%1” from the workspace? This cannot be undone.</source>
        <translation>要从工作区删除情景“%1”吗？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>mf::RoiSourcesView</name>
    <message>
        <source>Input</source>
        <translation>输入项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>No figure of this scenario was measured: use Fill from run or Fill from compressed variant to take them from a trained model.</source>
        <translation>此情景中没有任何数值是测得的：使用“从运行填充”或“从压缩变体填充”可从已训练的模型中获取这些数值。</translation>
    </message>
    <message>
        <source>Figures measured from run %1.</source>
        <translation>数值测自运行 %1。</translation>
    </message>
    <message>
        <source>Figures measured from runs %1.</source>
        <translation>数值测自运行 %1。</translation>
    </message>
    <message>
        <source>The figures a fill writes are listed here, each with the run and the measurement it came from.</source>
        <translation>填充所写入的数值会在此列出，并注明各自来自哪个运行和哪项测量。</translation>
    </message>
</context>
<context>
    <name>mf::RoiText</name>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>推理服务</translation>
    </message>
    <message>
        <source>People and running costs</source>
        <translation>人员与运营成本</translation>
    </message>
    <message>
        <source>Capital</source>
        <translation>资本</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>采用</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>预测期</translation>
    </message>
    <message>
        <source>Length of the projection in months (1 to 600).</source>
        <translation>预测的时长，以月计（1 到 600）。</translation>
    </message>
    <message>
        <source>Launch month</source>
        <translation>上线月份</translation>
    </message>
    <message>
        <source>Month the model goes live (0 = the first month): volumes, serving, revenue and adoption start then; R&amp;D and development runs start in month 0.</source>
        <translation>模型上线的月份（0 = 首月）：业务量、推理服务、收入和采用从该月开始；研发和开发运行从第 0 个月开始。</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>折现率</translation>
    </message>
    <message>
        <source>Annual rate future cash flows are discounted at (% per year); the monthly rate is (1 + annual)^(1/12) - 1.</source>
        <translation>未来现金流折现所用的年利率（每年 %）；月利率为 (1 + 年利率)^(1/12) - 1。</translation>
    </message>
    <message>
        <source>Finance rate</source>
        <translation>融资利率</translation>
    </message>
    <message>
        <source>Annual cost of financing the negative cash flows, for the MIRR (% per year).</source>
        <translation>为负现金流融资的年成本，用于 MIRR（每年 %）。</translation>
    </message>
    <message>
        <source>Reinvestment rate</source>
        <translation>再投资利率</translation>
    </message>
    <message>
        <source>Annual rate the positive cash flows are reinvested at, for the MIRR (% per year).</source>
        <translation>正现金流再投资的年利率，用于 MIRR（每年 %）。</translation>
    </message>
    <message>
        <source>Hours per run (each device)</source>
        <translation>每次运行时长（每台设备）</translation>
    </message>
    <message>
        <source>Wall-clock hours one training run keeps each device busy (hours), e.g. a run&apos;s measured wall time. 0 estimates it from the FLOPs below.</source>
        <translation>一次训练运行占用每台设备的实际小时数（小时），例如某个运行实测的实际用时。0 表示根据下方的 FLOPs 估算。</translation>
    </message>
    <message>
        <source>Devices per run</source>
        <translation>每次运行的设备数</translation>
    </message>
    <message>
        <source>Devices (GPUs or CPU sockets) one run uses in parallel (count); device-hours per run = hours per run x devices.</source>
        <translation>一次运行并行使用的设备数（GPU 或 CPU 插槽，计数）；每次运行的设备小时数 = 每次运行时长 x 设备数。</translation>
    </message>
    <message>
        <source>Retraining runs per year</source>
        <translation>每年重新训练次数</translation>
    </message>
    <message>
        <source>Training runs per year to keep the model current (runs per year); spread evenly over the months.</source>
        <translation>为保持模型最新每年进行的训练运行次数（次/年）；平均分摊到各月。</translation>
    </message>
    <message>
        <source>Development runs</source>
        <translation>开发运行</translation>
    </message>
    <message>
        <source>Extra runs in the first month for development and hyper-parameter search (runs).</source>
        <translation>首月用于开发和超参数搜索的额外运行（次）。</translation>
    </message>
    <message>
        <source>Price per device-hour</source>
        <translation>每设备小时价格</translation>
    </message>
    <message>
        <source>What one device-hour costs (currency per device-hour), e.g. a cloud GPU&apos;s on-demand price.</source>
        <translation>一个设备小时的成本（货币/设备小时），例如云 GPU 的按需价格。</translation>
    </message>
    <message>
        <source>Power per device</source>
        <translation>每台设备功率</translation>
    </message>
    <message>
        <source>Power one device draws under load (kW); 0 when the device-hour price already includes power, as cloud prices do.</source>
        <translation>一台设备在负载下的功率（kW）；若设备小时价格已含电费（如云服务价格），则为 0。</translation>
    </message>
    <message>
        <source>FLOPs per run (estimate)</source>
        <translation>每次运行的 FLOPs（估算）</translation>
    </message>
    <message>
        <source>Floating-point operations of one run (FLOPs), used when hours per run is 0. 0 takes 6 x parameters x tokens.</source>
        <translation>一次运行的浮点运算次数（FLOPs），在每次运行时长为 0 时使用。0 表示取 6 x 参数量 x 词元数。</translation>
    </message>
    <message>
        <source>Parameters (estimate)</source>
        <translation>参数量（估算）</translation>
    </message>
    <message>
        <source>Trainable parameters of a transformer-style model (count), for FLOPs = 6 x parameters x tokens.</source>
        <translation>Transformer 类模型的可训练参数数量（计数），用于 FLOPs = 6 x 参数量 x 词元数。</translation>
    </message>
    <message>
        <source>Training tokens (estimate)</source>
        <translation>训练词元数（估算）</translation>
    </message>
    <message>
        <source>Tokens seen in one run (count), for FLOPs = 6 x parameters x tokens.</source>
        <translation>一次运行中处理的词元数（计数），用于 FLOPs = 6 x 参数量 x 词元数。</translation>
    </message>
    <message>
        <source>Peak FLOP/s per device</source>
        <translation>每台设备峰值 FLOP/s</translation>
    </message>
    <message>
        <source>The device&apos;s peak floating-point operations per second (FLOP/s) at the precision trained in, for the estimate.</source>
        <translation>设备在训练所用精度下每秒峰值浮点运算次数（FLOP/s），用于估算。</translation>
    </message>
    <message>
        <source>Utilisation (estimate)</source>
        <translation>利用率（估算）</translation>
    </message>
    <message>
        <source>Share of the peak FLOP/s a run achieves (%, 1 to 100 %, typically 30-50 %), for the estimate: device-hours = FLOPs / (peak FLOP/s x utilisation) / 3600.</source>
        <translation>一次运行达到的峰值 FLOP/s 比例（%，1 到 100 %，通常为 30-50 %），用于估算：设备小时数 = FLOPs / (峰值 FLOP/s x 利用率) / 3600。</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Power usage effectiveness of the data centre (ratio, 1 or more): facility power per unit of IT power.</source>
        <translation>数据中心的电能使用效率（比率，不小于 1）：每单位 IT 功率对应的设施总功率。</translation>
    </message>
    <message>
        <source>Electricity price</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>What one kilowatt-hour costs (currency per kWh).</source>
        <translation>一千瓦时的电费（货币/kWh）。</translation>
    </message>
    <message>
        <source>Requests per day</source>
        <translation>每日请求数</translation>
    </message>
    <message>
        <source>Prediction requests per day at full adoption (requests per day); the adoption curve ramps up to it.</source>
        <translation>完全采用时每天的预测请求数（次/天）；采用曲线逐步爬升至该值。</translation>
    </message>
    <message>
        <source>Peak factor</source>
        <translation>峰值系数</translation>
    </message>
    <message>
        <source>Busiest second&apos;s rate over the day&apos;s average rate (ratio, 1 or more).</source>
        <translation>最繁忙一秒的请求速率与全天平均速率之比（比率，不小于 1）。</translation>
    </message>
    <message>
        <source>Throughput per instance</source>
        <translation>每实例吞吐量</translation>
    </message>
    <message>
        <source>Requests per second one instance sustains (requests/s), as measured. 0 takes 1000 / latency (one request at a time).</source>
        <translation>单个实例可持续处理的每秒请求数（请求/秒），按实测值。0 表示取 1000 / 延迟（一次处理一个请求）。</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Time to answer one request (ms), as measured; used for the throughput when that is 0.</source>
        <translation>响应一个请求所需的时间（ms），按实测值；吞吐量为 0 时用于计算吞吐量。</translation>
    </message>
    <message>
        <source>Target utilisation</source>
        <translation>目标利用率</translation>
    </message>
    <message>
        <source>Share of an instance&apos;s throughput planned for at peak (%, 1 to 100 %), leaving headroom.</source>
        <translation>峰值时按实例吞吐量规划的比例（%，1 到 100 %），以留出余量。</translation>
    </message>
    <message>
        <source>Spare instances</source>
        <translation>备用实例</translation>
    </message>
    <message>
        <source>Instances kept on top of those the peak needs (count): 1 for N+1.</source>
        <translation>在峰值所需实例之外额外保留的实例数（计数）：N+1 时为 1。</translation>
    </message>
    <message>
        <source>Price per instance-hour</source>
        <translation>每实例小时价格</translation>
    </message>
    <message>
        <source>What one serving instance costs per hour (currency per instance-hour).</source>
        <translation>一个服务实例每小时的成本（货币/实例小时）。</translation>
    </message>
    <message>
        <source>Power per instance</source>
        <translation>每实例功率</translation>
    </message>
    <message>
        <source>Power one serving instance draws (kW); 0 when the instance price already includes power, as cloud prices do.</source>
        <translation>一个服务实例的功率（kW）；若实例价格已含电费（如云服务价格），则为 0。</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Data, checkpoints and logs kept (GB).</source>
        <translation>保存的数据、检查点和日志（GB）。</translation>
    </message>
    <message>
        <source>Storage price</source>
        <translation>存储价格</translation>
    </message>
    <message>
        <source>What one gigabyte costs per month (currency per GB-month).</source>
        <translation>每 GB 每月的成本（货币/GB·月）。</translation>
    </message>
    <message>
        <source>R&amp;D staff</source>
        <translation>研发人员</translation>
    </message>
    <message>
        <source>People building the model and product (full-time equivalents, count).</source>
        <translation>构建模型和产品的人员（全职人力当量，计数）。</translation>
    </message>
    <message>
        <source>R&amp;D months</source>
        <translation>研发月数</translation>
    </message>
    <message>
        <source>Months the R&amp;D staff work on it, from the first month (months).</source>
        <translation>研发人员投入的月数，从首月开始（月）。</translation>
    </message>
    <message>
        <source>Loaded cost per person</source>
        <translation>人均综合成本</translation>
    </message>
    <message>
        <source>Salary plus overheads of one person per month (currency per month).</source>
        <translation>每人每月的薪资加管理费用（货币/月）。</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>运营</translation>
    </message>
    <message>
        <source>Monitoring, support and upkeep per month (currency per month).</source>
        <translation>每月的监控、支持和维护费用（货币/月）。</translation>
    </message>
    <message>
        <source>Marketing and sales</source>
        <translation>市场营销与销售</translation>
    </message>
    <message>
        <source>Marketing and sales spend per month (currency per month).</source>
        <translation>每月的市场营销与销售支出（货币/月）。</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>Capital bought up front, paid in the first month (currency).</source>
        <translation>预先购置的资本支出，在首月支付（货币）。</translation>
    </message>
    <message>
        <source>Useful life</source>
        <translation>使用年限</translation>
    </message>
    <message>
        <source>Months the hardware is depreciated over, straight line (months).</source>
        <translation>硬件按直线法折旧的月数（月）。</translation>
    </message>
    <message>
        <source>Salvage value</source>
        <translation>残值</translation>
    </message>
    <message>
        <source>What the hardware is worth at the end of its life (currency); at most its price.</source>
        <translation>硬件在使用年限结束时的价值（货币）；不超过其购置价格。</translation>
    </message>
    <message>
        <source>Licences sold per month</source>
        <translation>每月许可证销量</translation>
    </message>
    <message>
        <source>Licences sold per month at full adoption (units per month).</source>
        <translation>完全采用时每月售出的许可证数量（个/月）。</translation>
    </message>
    <message>
        <source>Licence price</source>
        <translation>许可证价格</translation>
    </message>
    <message>
        <source>Price of one licence (currency).</source>
        <translation>单个许可证的价格（货币）。</translation>
    </message>
    <message>
        <source>API price</source>
        <translation>API 价格</translation>
    </message>
    <message>
        <source>Price per 1,000 API calls (currency per 1,000 calls); every served request is a call.</source>
        <translation>每 1,000 次 API 调用的价格（货币/1,000 次调用）；每个已处理的请求计为一次调用。</translation>
    </message>
    <message>
        <source>Service fees</source>
        <translation>服务费</translation>
    </message>
    <message>
        <source>Fees for integration, training and support per month at full adoption (currency per month).</source>
        <translation>完全采用时每月的集成、培训和支持费用（货币/月）。</translation>
    </message>
    <message>
        <source>Platform volume (GMV)</source>
        <translation>平台交易额（GMV）</translation>
    </message>
    <message>
        <source>Gross merchandise value through the platform per month at full adoption (currency per month).</source>
        <translation>完全采用时每月通过平台的商品交易总额（货币/月）。</translation>
    </message>
    <message>
        <source>Take rate</source>
        <translation>抽成比例</translation>
    </message>
    <message>
        <source>Share of the platform volume kept as fees (%).</source>
        <translation>平台交易额中作为费用留存的比例（%）。</translation>
    </message>
    <message>
        <source>Partner revenue</source>
        <translation>合作伙伴收入</translation>
    </message>
    <message>
        <source>Partners&apos; revenue from the model per month at full adoption (currency per month).</source>
        <translation>完全采用时合作伙伴每月从该模型获得的收入（货币/月）。</translation>
    </message>
    <message>
        <source>Our share of partner revenue</source>
        <translation>我方的合作伙伴收入分成</translation>
    </message>
    <message>
        <source>Share of the partners&apos; revenue paid to us (%).</source>
        <translation>合作伙伴收入中支付给我方的比例（%）。</translation>
    </message>
    <message>
        <source>Predictions per month</source>
        <translation>每月预测次数</translation>
    </message>
    <message>
        <source>Predictions the model makes per month at full adoption (count per month), each worth the value per prediction of the benefit and confusion matrices.</source>
        <translation>完全采用时模型每月进行的预测次数（次/月），每次预测的价值按收益矩阵和混淆矩阵得出的每次预测价值计算。</translation>
    </message>
    <message>
        <source>Subscription price</source>
        <translation>订阅价格</translation>
    </message>
    <message>
        <source>Price per subscriber per month (currency per month); every adopter subscribes.</source>
        <translation>每位订阅者每月的价格（货币/月）；每个采用者都会订阅。</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>流失率</translation>
    </message>
    <message>
        <source>Share of subscribers who leave each month (% per month, below 100 %).</source>
        <translation>每月流失的订阅者比例（每月 %，低于 100 %）。</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>扩展收入</translation>
    </message>
    <message>
        <source>Growth of the remaining subscribers&apos; revenue each month from upgrades (% of recurring revenue per month).</source>
        <translation>留存订阅者因升级带来的每月收入增长（每月经常性收入的 %）。</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Share of subscription revenue left after the cost of serving it (%), for the lifetime value.</source>
        <translation>订阅收入扣除服务成本后剩余的比例（%），用于计算生命周期价值。</translation>
    </message>
    <message>
        <source>Acquisition cost per customer</source>
        <translation>单客获客成本</translation>
    </message>
    <message>
        <source>Sales and advertising spent per new subscriber (currency per customer), on top of the monthly marketing.</source>
        <translation>每获取一位新订阅者所花费的销售和广告费用（货币/客户），在每月的市场营销支出之外另计。</translation>
    </message>
    <message>
        <source>Marketing share for acquisition</source>
        <translation>用于获客的营销占比</translation>
    </message>
    <message>
        <source>Share of the monthly marketing and sales spend that wins subscribers (%), counted in the acquisition cost (CAC).</source>
        <translation>每月市场营销与销售支出中用于获取订阅者的比例（%），计入获客成本（CAC）。</translation>
    </message>
    <message>
        <source>Market size (m)</source>
        <translation>市场规模（m）</translation>
    </message>
    <message>
        <source>Everyone who will adopt in the end (customers or users, count). Volumes at full adoption are reached when all of them have.</source>
        <translation>最终会采用的全部人数（客户或用户，计数）。当他们全部采用时，即达到完全采用时的业务量。</translation>
    </message>
    <message>
        <source>Innovation (p)</source>
        <translation>创新系数（p）</translation>
    </message>
    <message>
        <source>Bass innovation coefficient (per month, above 0): adoption on one&apos;s own. Typical: 0.001 to 0.03 per month.</source>
        <translation>Bass 创新系数（每月，大于 0）：自发的采用。典型值：每月 0.001 到 0.03。</translation>
    </message>
    <message>
        <source>Imitation (q)</source>
        <translation>模仿系数（q）</translation>
    </message>
    <message>
        <source>Bass imitation coefficient (per month): adoption because others adopted. Typical: 0.02 to 0.1 per month.</source>
        <translation>Bass 模仿系数（每月）：因他人采用而产生的采用。典型值：每月 0.02 到 0.1。</translation>
    </message>
    <message>
        <source>Adopted at launch</source>
        <translation>上线时已采用</translation>
    </message>
    <message>
        <source>Share of the market reached in the launch month on top of the Bass curve (%), e.g. a pilot; they count as new subscribers then. 100 % runs every volume at full adoption from launch.</source>
        <translation>在上线当月于 Bass 曲线之外达到的市场份额（%），例如试点；这些用户在当月计为新订阅者。100 % 表示从上线起所有业务量均按完全采用计算。</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>API usage</source>
        <translation>API 使用</translation>
    </message>
    <message>
        <source>Platform fees</source>
        <translation>平台费用</translation>
    </message>
    <message>
        <source>Partner share</source>
        <translation>合作伙伴分成</translation>
    </message>
    <message>
        <source>Value of predictions</source>
        <translation>预测价值</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Benefit matrix</source>
        <translation>收益矩阵</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
</context>
<context>
    <name>mf::RunComparisonView</name>
    <message>
        <source>Show identical values</source>
        <translation>显示相同的值</translation>
    </message>
    <message>
        <source>Configuration differences</source>
        <translation>配置差异</translation>
    </message>
    <message>
        <source>Comparing %1 runs</source>
        <translation>正在比较 %1 个运行</translation>
    </message>
    <message>
        <source>Loading metrics…</source>
        <translation>正在加载指标…</translation>
    </message>
    <message>
        <source>Nothing to compare</source>
        <translation>没有可比较的内容</translation>
    </message>
    <message>
        <source>Fewer than two of the selected runs still exist.</source>
        <translation>所选运行中仍存在的不足两个。</translation>
    </message>
    <message>
        <source>Not logged by these runs</source>
        <translation>这些运行未记录此项</translation>
    </message>
    <message>
        <source>None of these runs logged metrics</source>
        <translation>这些运行均未记录指标</translation>
    </message>
    <message>
        <source>Cannot compare the runs</source>
        <translation>无法比较这些运行</translation>
    </message>
    <message>
        <source>The runs have the same parameters.</source>
        <translation>这些运行的参数相同。</translation>
    </message>
    <message>
        <source>No parameters recorded.</source>
        <translation>未记录参数。</translation>
    </message>
    <message>
        <source>1 parameter differs.</source>
        <translation>有 1 个参数不同。</translation>
    </message>
    <message>
        <source>%1 parameters differ.</source>
        <translation>有 %1 个参数不同。</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>validation, per epoch</source>
        <translation>验证（每轮）</translation>
    </message>
    <message>
        <source>training, per epoch</source>
        <translation>训练（每轮）</translation>
    </message>
    <message>
        <source>%1: %2 steps</source>
        <translation>%1：%2 步</translation>
    </message>
    <message>
        <source>Steps do not compare: an epoch ends at a different step in each run (%1). Choose Epoch to align them.</source>
        <translation>步数不可比：各运行的一轮结束于不同的步数（%1）。请选择“轮次”来对齐。</translation>
    </message>
    <message>
        <source>An epoch ends at a different step in each run (%1), as with different batch sizes: steps do not compare, epochs do.</source>
        <translation>各运行的一轮结束于不同的步数（%1），例如批大小不同时：步数不可比，轮次可比。</translation>
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
        <source>Cannot show run #%1</source>
        <translation>无法显示运行 #%1</translation>
    </message>
    <message>
        <source>Save notes</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. baseline, sweep-3</source>
        <translation>以逗号分隔，例如 baseline, sweep-3</translation>
    </message>
    <message>
        <source>What this run tried, what it showed…</source>
        <translation>这次运行尝试了什么、得出了什么…</translation>
    </message>
    <message>
        <source>Tags and notes</source>
        <translation>标签和备注</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Select a run to see its status, parameters and final metrics, or several runs to compare them.</source>
        <translation>选择一个运行以查看其状态、参数和最终指标，或选择多个运行进行比较。</translation>
    </message>
    <message>
        <source>The workspace is read-only</source>
        <translation>工作区为只读</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>Made from</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1，方法：%2</translation>
    </message>
    <message>
        <source>Made from it</source>
        <translation>由其生成</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>%1, fine-tuned: %2 tensors loaded, %3 new, %4 skipped</source>
        <translation>%1，微调：载入 %2 个张量，新建 %3 个，跳过 %4 个</translation>
    </message>
</context>
<context>
    <name>mf::RunMeasurementWorker</name>
    <message>
        <source>Measuring run #%1 (%2 of %3): training time, latency, throughput and the confusion matrix…</source>
        <translation>正在测量运行 #%1（第 %2 个，共 %3 个）：训练时间、延迟、吞吐量和混淆矩阵…</translation>
    </message>
    <message>
        <source>Run #%1 could not be measured: %2</source>
        <translation>无法测量运行 #%1：%2</translation>
    </message>
</context>
<context>
    <name>mf::RunPickerDialog</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Best val. accuracy</source>
        <translation>最佳验证准确率</translation>
    </message>
    <message>
        <source>Trained for</source>
        <translation>训练时长</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>技术</translation>
    </message>
    <message>
        <source>Fill from Run</source>
        <translation>从运行填充</translation>
    </message>
    <message>
        <source>Fill from Compressed Variant</source>
        <translation>从压缩变体填充</translation>
    </message>
    <message>
        <source>The run is measured on this machine: its training time, its latency and throughput, and its confusion matrix on the test set fill the scenario.</source>
        <translation>在本机测量该运行：其训练时间、延迟和吞吐量，以及在测试集上的混淆矩阵将填入情景。</translation>
    </message>
    <message>
        <source>Training figures come from the run, serving figures and the confusion matrix from the variant that will be deployed. Both are measured on this machine.</source>
        <translation>训练指标取自运行，服务指标和混淆矩阵取自将要部署的变体。两者均在本机测量。</translation>
    </message>
    <message>
        <source>Measure and Fill</source>
        <translation>测量并填充</translation>
    </message>
    <message>
        <source>Trained run</source>
        <translation>已训练的运行</translation>
    </message>
    <message>
        <source>Compressed variant</source>
        <translation>压缩变体</translation>
    </message>
    <message>
        <source>The run store cannot be read: %1</source>
        <translation>无法读取运行记录库：%1</translation>
    </message>
    <message>
        <source>No finished run in this workspace: train one in the Train section first.</source>
        <translation>此工作区中没有已完成的运行：请先在“训练”中训练一个。</translation>
    </message>
    <message>
        <source>Run #%1 has no compressed variant: make one in the Compress section, or fill from the run itself.</source>
        <translation>运行 #%1 没有压缩变体：请在“压缩”中生成一个，或直接从该运行填充。</translation>
    </message>
</context>
<context>
    <name>mf::RunStoreWatcher</name>
    <message>
        <source>No run store is open.</source>
        <translation>未打开运行记录库。</translation>
    </message>
</context>
<context>
    <name>mf::RunStoreWorker</name>
    <message>
        <source>The run store %1 does not exist any more.</source>
        <translation>运行存储 %1 已不存在。</translation>
    </message>
    <message>
        <source>The run no longer exists.</source>
        <translation>该运行已不存在。</translation>
    </message>
</context>
<context>
    <name>mf::RunsFilterBar</name>
    <message>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Show the runs with this status</source>
        <translation>显示处于此状态的运行</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>所有数据集</translation>
    </message>
    <message>
        <source>Show the runs of this dataset</source>
        <translation>显示使用此数据集的运行</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <source>Show the runs of this model type</source>
        <translation>显示此模型类型的运行</translation>
    </message>
    <message>
        <source>Filter by name, status, dataset, model or tag</source>
        <translation>按名称、状态、数据集、模型或标签筛选</translation>
    </message>
</context>
<context>
    <name>mf::RunsPage</name>
    <message>
        <source>Loading runs…</source>
        <translation>正在加载运行记录…</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>还没有运行记录</translation>
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
    <message>
        <source>The change was not saved: %1</source>
        <translation>更改未保存：%1</translation>
    </message>
    <message>
        <source>Deleted run #%1.</source>
        <translation>已删除运行 #%1。</translation>
    </message>
    <message>
        <source>Deleted %1 runs.</source>
        <translation>已删除 %1 个运行。</translation>
    </message>
    <message>
        <source>These run directories could not be removed: %1</source>
        <translation>无法删除以下运行目录：%1</translation>
    </message>
    <message>
        <source>Exported the metrics of 1 run to %1.</source>
        <translation>已将 1 个运行的指标导出到 %1。</translation>
    </message>
    <message>
        <source>Exported the metrics of %1 runs to %2.</source>
        <translation>已将 %1 个运行的指标导出到 %2。</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>无法导出到 %1：%2</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continue the selected run from its last checkpoint</source>
        <translation>从最后一个检查点继续所选运行</translation>
    </message>
    <message>
        <source>Open in Train</source>
        <translation>在“训练”中打开</translation>
    </message>
    <message>
        <source>Start a new run from the selected run&apos;s configuration</source>
        <translation>以所选运行的配置开始新的运行</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the metrics of the selected runs to a CSV or JSON file</source>
        <translation>将所选运行的指标写入 CSV 或 JSON 文件</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>A running run cannot be deleted; stop it first</source>
        <translation>无法删除正在进行的运行，请先停止它</translation>
    </message>
    <message>
        <source>Delete the selected runs</source>
        <translation>删除所选运行</translation>
    </message>
    <message>
        <source>%1 of %2 selected</source>
        <translation>已选择 %1 个，共 %2 个</translation>
    </message>
    <message>
        <source>The workspace is read-only</source>
        <translation>工作区为只读</translation>
    </message>
    <message>
        <source>Train a model in the Train section, or with modelforge-cli train; its run appears here, live.

Runs are read from %1</source>
        <translation>在“训练”中训练模型，或使用 modelforge-cli train；其运行会实时显示在这里。

运行读取自 %1</translation>
    </message>
    <message>
        <source>Read-only workspace: %1. Runs can be viewed, compared, evaluated and exported; nothing can be renamed, tagged, deleted or resumed.</source>
        <translation>只读工作区：%1。可以查看、比较、评估和导出运行；不能重命名、标记、删除或恢复。</translation>
    </message>
    <message>
        <source>Saved the %1 model of run #%2 to %3 (%4).</source>
        <translation>已将运行 #%2 的 %1 模型保存到 %3（%4）。</translation>
    </message>
    <message>
        <source>Could not save the model of run #%1 to %2: %3</source>
        <translation>无法将运行 #%1 的模型保存到 %2：%3</translation>
    </message>
    <message>
        <source>Save Model File…</source>
        <translation>保存模型文件…</translation>
    </message>
    <message>
        <source>Write the selected run&apos;s model as one file that modelforge-cli eval and predict load</source>
        <translation>将所选运行的模型写为一个文件，供 modelforge-cli eval 和 predict 加载</translation>
    </message>
    <message>
        <source>Saving the model of run #%1…</source>
        <translation>正在保存运行 #%1 的模型…</translation>
    </message>
    <message>
        <source>Save Model File</source>
        <translation>保存模型文件</translation>
    </message>
    <message>
        <source>ModelForge models (*.mfmodel)</source>
        <translation>ModelForge 模型 (*.mfmodel)</translation>
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
    <name>mf::SampleInspector</name>
    <message>
        <source>Select a sample in the grid.</source>
        <translation>请在网格中选择一个样本。</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>%1 (class %2)</source>
        <translation>%1（类别 %2）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Point at a pixel to read its value.</source>
        <translation>将指针移到像素上以读取其值。</translation>
    </message>
    <message>
        <source>R %1  G %2  B %3</source>
        <translation>R %1  G %2  B %3</translation>
    </message>
    <message>
        <source>x %1, y %2:  %3</source>
        <translation>x %1，y %2：%3</translation>
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
    <message>
        <source>No run with the id %1 to select.</source>
        <translation>没有 ID 为 %1 的运行可供选中。</translation>
    </message>
</context>
<context>
    <name>mf::TableSummaryView</name>
    <message>
        <source>integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>real</source>
        <translation>实数</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>不同值</translation>
    </message>
    <message>
        <source>%1 (label)</source>
        <translation>%1（标签）</translation>
    </message>
    <message>
        <source>over %1</source>
        <translation>超过 %1</translation>
    </message>
</context>
<context>
    <name>mf::TextAugmentPanel</name>
    <message>
        <source>Text Dataset…</source>
        <translation>文本数据集…</translation>
    </message>
    <message>
        <source>Open a CSV, TSV, JSON Lines or aclImdb-style text dataset</source>
        <translation>打开 CSV、TSV、JSON Lines 或 aclImdb 格式的文本数据集</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Start an empty text pipeline</source>
        <translation>新建空的文本流水线</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>加载…</translation>
    </message>
    <message>
        <source>Load a text pipeline saved as JSON</source>
        <translation>加载以 JSON 保存的文本流水线</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save the text pipeline as JSON</source>
        <translation>将文本流水线保存为 JSON</translation>
    </message>
    <message>
        <source>The text dataset was not opened: %1</source>
        <translation>未能打开文本数据集：%1</translation>
    </message>
    <message>
        <source>The quick brown fox jumps over the lazy dog. A small change in wording should not change the label.</source>
        <translation>The quick brown fox jumps over the lazy dog. A small change in wording should not change the label.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>词</translation>
    </message>
    <message>
        <source>Characters (CJK)</source>
        <translation>字符（中日韩）</translation>
    </message>
    <message>
        <source>What the operations work on; automatic chooses characters for mostly Chinese, Japanese or Korean text</source>
        <translation>操作的作用单位；“自动”会对以中文、日文或韩文为主的文本选择字符</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add an operation at the end</source>
        <translation>在末尾添加操作</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation>移除所选步骤</translation>
    </message>
    <message>
        <source>Move the selected step up</source>
        <translation>上移所选步骤</translation>
    </message>
    <message>
        <source>Move the selected step down</source>
        <translation>下移所选步骤</translation>
    </message>
    <message>
        <source>EDA&apos;s strength: the share of words changed</source>
        <translation>EDA 强度：被修改的词所占比例</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>粒度</translation>
    </message>
    <message>
        <source>Text pipeline</source>
        <translation>文本流水线</translation>
    </message>
    <message>
        <source>T&amp;yped text</source>
        <translation>输入的文本(&amp;Y)</translation>
    </message>
    <message>
        <source>Dataset &amp;sample</source>
        <translation>数据集样本(&amp;S)</translation>
    </message>
    <message>
        <source>The sample index the draws are made for: a training sample&apos;s index in the dataset as loaded</source>
        <translation>抽取所针对的样本索引：即训练样本在已加载数据集中的索引</translation>
    </message>
    <message>
        <source>Sample &amp;index:</source>
        <translation>样本索引(&amp;I)：</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <source>E&amp;poch:</source>
        <translation>轮次(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Variants:</source>
        <translation>变体(&amp;V)：</translation>
    </message>
    <message>
        <source>%1 · %2 training texts</source>
        <translation>%1 · %2 条训练文本</translation>
    </message>
    <message>
        <source>No text dataset</source>
        <translation>无文本数据集</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>No step selected</source>
        <translation>未选择步骤</translation>
    </message>
    <message>
        <source>Add an operation or select a step to edit it.</source>
        <translation>添加操作，或选择一个步骤进行编辑。</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>The variants cannot be drawn: %1</source>
        <translation>无法抽取变体：%1</translation>
    </message>
    <message>
        <source>Seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <source>No operation applied</source>
        <translation>未应用任何操作</translation>
    </message>
    <message>
        <source>The text pipeline was not loaded: %1</source>
        <translation>未能加载文本流水线：%1</translation>
    </message>
    <message>
        <source>Loaded %1.</source>
        <translation>已加载 %1。</translation>
    </message>
    <message>
        <source>The text pipeline was not saved: %1</source>
        <translation>未能保存文本流水线：%1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Open Text Dataset</source>
        <translation>打开文本数据集</translation>
    </message>
    <message>
        <source>Text datasets (*.csv *.tsv *.jsonl);;All files (*)</source>
        <translation>文本数据集 (*.csv *.tsv *.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Load Text Pipeline</source>
        <translation>加载文本流水线</translation>
    </message>
    <message>
        <source>Pipelines (*.json);;All files (*)</source>
        <translation>流水线 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save Text Pipeline</source>
        <translation>保存文本流水线</translation>
    </message>
    <message>
        <source>Pipelines (*.json)</source>
        <translation>流水线 (*.json)</translation>
    </message>
    <message>
        <source>No text dataset: typed text</source>
        <translation>无文本数据集：使用输入的文本</translation>
    </message>
    <message>
        <source>Unsaved text pipeline</source>
        <translation>未保存的文本流水线</translation>
    </message>
    <message>
        <source>%1 (modified)</source>
        <translation>%1（已修改）</translation>
    </message>
</context>
<context>
    <name>mf::TextDocumentsModel</name>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元数</translation>
    </message>
    <message>
        <source>First line</source>
        <translation>首行</translation>
    </message>
</context>
<context>
    <name>mf::TextModelFields</name>
    <message>
        <source>Bidirectional</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>Length of the vector each token id becomes</source>
        <translation>每个词元 ID 所变成的向量的长度</translation>
    </message>
    <message>
        <source>Units of the recurrent layer (each way when bidirectional)</source>
        <translation>循环层的单元数（双向时为每个方向）</translation>
    </message>
    <message>
        <source>Stacked recurrent or encoder layers</source>
        <translation>堆叠的循环层或编码器层数</translation>
    </message>
    <message>
        <source>Also read each document from its end; needed to pre-train with masked tokens</source>
        <translation>同时从末尾读取每个文档；用掩码词元预训练时需要</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>How the embeddings of a document&apos;s tokens become one vector</source>
        <translation>文档各词元的嵌入如何合成一个向量</translation>
    </message>
    <message>
        <source>Widths of the convolutions in tokens, comma-separated: one set of filters for each</source>
        <translation>卷积宽度（以词元计），用逗号分隔：每个宽度一组滤波器</translation>
    </message>
    <message>
        <source>Filters of each kernel width</source>
        <translation>每种卷积核宽度的滤波器数</translation>
    </message>
    <message>
        <source>Attention heads of each layer; they must divide the embedding dimension</source>
        <translation>每层的注意力头数；必须能整除嵌入维度</translation>
    </message>
    <message>
        <source>Width of each layer&apos;s feed-forward part</source>
        <translation>每层前馈部分的宽度</translation>
    </message>
    <message>
        <source>Positions the encoder learns: at least the sequence length</source>
        <translation>编码器学习的位置数：至少为序列长度</translation>
    </message>
    <message>
        <source>Embedding dimension</source>
        <translation>嵌入维度</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Kernel widths</source>
        <translation>卷积核宽度</translation>
    </message>
    <message>
        <source>Filters per width</source>
        <translation>每种宽度的滤波器数</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>注意力头数</translation>
    </message>
    <message>
        <source>Feed-forward width</source>
        <translation>前馈宽度</translation>
    </message>
    <message>
        <source>Maximum length</source>
        <translation>最大长度</translation>
    </message>
</context>
<context>
    <name>mf::TextPipelineModel</name>
    <message>
        <source>Synonym replacement</source>
        <translation>同义词替换</translation>
    </message>
    <message>
        <source>Random insertion</source>
        <translation>随机插入</translation>
    </message>
    <message>
        <source>Random swap</source>
        <translation>随机交换</translation>
    </message>
    <message>
        <source>Random deletion</source>
        <translation>随机删除</translation>
    </message>
    <message>
        <source>Sentence reorder</source>
        <translation>句子重排</translation>
    </message>
    <message>
        <source>Replaces alpha × words non-stop words by WordNet synonyms.</source>
        <translation>用 WordNet 同义词替换 alpha × 词数 个非停用词。</translation>
    </message>
    <message>
        <source>Inserts a synonym of a random word at a random place, alpha × words times.</source>
        <translation>在随机位置插入某个随机词的同义词，共 alpha × 词数 次。</translation>
    </message>
    <message>
        <source>Swaps two random words, alpha × words times.</source>
        <translation>随机交换两个词，共 alpha × 词数 次。</translation>
    </message>
    <message>
        <source>Deletes each word with probability alpha.</source>
        <translation>以概率 alpha 删除每个词。</translation>
    </message>
    <message>
        <source>Shuffles the sentences.</source>
        <translation>打乱句子顺序。</translation>
    </message>
    <message>
        <source>%1 · p %2</source>
        <translation>%1 · p %2</translation>
    </message>
    <message>
        <source> · alpha %1</source>
        <translation> · alpha %1</translation>
    </message>
    <message>
        <source>There is no step %1.</source>
        <translation>不存在步骤 %1。</translation>
    </message>
</context>
<context>
    <name>mf::TextPredictionView</name>
    <message>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Type a sentence to classify</source>
        <translation>输入要分类的句子</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>未选择运行</translation>
    </message>
    <message>
        <source>Select a finished text run to classify sentences with its model.</source>
        <translation>选择一个已完成的文本运行，用它的模型对句子分类。</translation>
    </message>
    <message>
        <source>Not a text classifier</source>
        <translation>不是文本分类器</translation>
    </message>
    <message>
        <source>Run #%1 does not classify text: typed sentences are classified by the runs of text models.</source>
        <translation>运行 #%1 不对文本分类：输入的句子由文本模型的运行来分类。</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>还没有模型</translation>
    </message>
    <message>
        <source>Run #%1 is still training. Type sentences once it has finished.</source>
        <translation>运行 #%1 仍在训练。训练结束后再输入句子。</translation>
    </message>
    <message>
        <source>Only finished or stopped runs classify sentences. Resume run #%1 to finish it.</source>
        <translation>只有已完成或已停止的运行才能对句子分类。请继续运行 #%1 直至完成。</translation>
    </message>
    <message>
        <source>No checkpoint</source>
        <translation>没有检查点</translation>
    </message>
    <message>
        <source>Run #%1 saved no checkpoint, so there is no model to classify sentences with.</source>
        <translation>运行 #%1 没有保存检查点，因此没有可用于对句子分类的模型。</translation>
    </message>
    <message>
        <source>Type a sentence and press Enter to see how run #%1 classifies it. The model reads it as it read its training documents: with the run&apos;s tokenizer and vocabulary, at most %2 tokens.</source>
        <translation>输入一个句子并按回车键，查看运行 #%1 如何对它分类。模型按读取训练文档的方式读取它：使用该运行的分词器和词表，最多 %2 个词元。</translation>
    </message>
    <message>
        <source>Type a sentence and press Enter to see how run #%1 classifies it.</source>
        <translation>输入一个句子并按回车键，查看运行 #%1 如何对它分类。</translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>正在分类…</translation>
    </message>
    <message>
        <source>Loading the model of run #%1…</source>
        <translation>正在加载运行 #%1 的模型…</translation>
    </message>
    <message>
        <source>Cannot classify the sentence: %1</source>
        <translation>无法对该句子分类：%1</translation>
    </message>
    <message>
        <source>“%1” is most likely %2.</source>
        <translation>“%1”最可能是 %2。</translation>
    </message>
</context>
<context>
    <name>mf::TextSettingsFields</name>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Lower case</source>
        <translation>转为小写</translation>
    </message>
    <message>
        <source>NFKC normalisation</source>
        <translation>NFKC 规范化</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Entries of the vocabulary built from the training split, the padding and unknown tokens included; the most frequent words are kept</source>
        <translation>由训练集构建的词表条目数，包括填充和未知词元；保留出现最频繁的词</translation>
    </message>
    <message>
        <source>Vocabulary size</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <source>A word seen fewer times in the training split reads as unknown</source>
        <translation>在训练集中出现次数少于此值的词视为未知词</translation>
    </message>
    <message>
        <source>Minimum frequency</source>
        <translation>最低词频</translation>
    </message>
    <message>
        <source>Tokens read of each document: longer ones are cut</source>
        <translation>每个文档读取的词元数：更长的文档会被截断</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <source>Words (CJK per character)</source>
        <translation>词（中日韩按字）</translation>
    </message>
    <message>
        <source>ICU dictionary words</source>
        <translation>ICU 词典分词</translation>
    </message>
    <message>
        <source>Both split at Unicode word boundaries. Chinese and Japanese text becomes one token per character, or ICU&apos;s dictionary words.</source>
        <translation>两者都按 Unicode 词边界切分。中文和日文文本按每字一个词元切分，或按 ICU 词典分词。</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <source>Full Unicode case folding</source>
        <translation>完整的 Unicode 大小写折叠</translation>
    </message>
    <message>
        <source>Unicode NFKC: full-width letters and digits, ligatures and other compatibility forms read as their plain form</source>
        <translation>Unicode NFKC：全角字母和数字、连字及其他兼容形式按其普通形式读取</translation>
    </message>
    <message>
        <source>Punctuation as tokens</source>
        <translation>标点作为词元</translation>
    </message>
    <message>
        <source>Each punctuation mark or symbol becomes a token of its own instead of only separating words; short texts often say much through quotes, dashes and question marks</source>
        <translation>每个标点或符号各自成为一个词元，而不只是分隔单词；短文本的许多信息就在引号、破折号和问号里</translation>
    </message>
</context>
<context>
    <name>mf::TextStatsView</name>
    <message>
        <source>Document length (tokens)</source>
        <translation>文档长度（词元）</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <source>tokens (the last bar holds all longer documents)</source>
        <translation>词元数（最后一个柱包含所有更长的文档）</translation>
    </message>
</context>
<context>
    <name>mf::ThumbnailModel</name>
    <message>
        <source>Sample %1 · %2 (class %3) · %4</source>
        <translation>样本 %1 · %2（类别 %3）· %4</translation>
    </message>
</context>
<context>
    <name>mf::TrainConfigForm</name>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>MLP</source>
        <translation>MLP</translation>
    </message>
    <message>
        <source>CNN</source>
        <translation>CNN</translation>
    </message>
    <message>
        <source>ResNet</source>
        <translation>ResNet</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>MLP: hidden widths; CNN: channels of each conv block; ResNet: channels of each stage. Comma-separated.</source>
        <translation>MLP：各隐藏层宽度；CNN：各卷积块的通道数；ResNet：各阶段的通道数。以逗号分隔。</translation>
    </message>
    <message>
        <source>Layer widths</source>
        <translation>层宽度</translation>
    </message>
    <message>
        <source>CNN: widths of the dense layers after the conv blocks</source>
        <translation>CNN：卷积块之后各全连接层的宽度</translation>
    </message>
    <message>
        <source>Dense layers</source>
        <translation>全连接层</translation>
    </message>
    <message>
        <source>Blocks per stage</source>
        <translation>每阶段块数</translation>
    </message>
    <message>
        <source>Batch normalisation</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>优化</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Beta 1</source>
        <translation>Beta 1</translation>
    </message>
    <message>
        <source>Beta 2</source>
        <translation>Beta 2</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Decay every (epochs)</source>
        <translation>衰减间隔（轮）</translation>
    </message>
    <message>
        <source>Decay factor</source>
        <translation>衰减系数</translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation>预热步数</translation>
    </message>
    <message>
        <source>Final learning rate</source>
        <translation>最终学习率</translation>
    </message>
    <message>
        <source>10x the base rate</source>
        <translation>基础学习率的 10 倍</translation>
    </message>
    <message>
        <source>Peak learning rate</source>
        <translation>峰值学习率</translation>
    </message>
    <message>
        <source>Rising fraction</source>
        <translation>上升阶段占比</translation>
    </message>
    <message>
        <source>L1 penalty</source>
        <translation>L1 惩罚</translation>
    </message>
    <message>
        <source>L2 penalty</source>
        <translation>L2 惩罚</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Clip gradient norm</source>
        <translation>梯度范数裁剪</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <source>Early stopping patience</source>
        <translation>早停耐心值</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>Early stopping watches</source>
        <translation>早停监控指标</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>All cores</source>
        <translation>全部核心</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU %1</source>
        <translation>CUDA GPU %1</translation>
    </message>
    <message numerus="yes">
        <source>%n CUDA device(s) found</source>
        <translation>
            <numerusform>找到 %n 个 CUDA 设备</numerusform>
        </translation>
    </message>
    <message>
        <source>This LibTorch build sees no CUDA device</source>
        <translation>此 LibTorch 版本未检测到 CUDA 设备</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>dataset: %1 does not exist</source>
        <translation>数据集：%1 不存在</translation>
    </message>
    <message>
        <source>augmentation: %1 is not a file</source>
        <translation>数据增强：%1 不是文件</translation>
    </message>
    <message>
        <source>seed must be a whole number</source>
        <translation>种子必须是整数</translation>
    </message>
    <message>
        <source>Choose a dataset folder</source>
        <translation>选择数据集文件夹</translation>
    </message>
    <message>
        <source>Choose a dataset file</source>
        <translation>选择数据集文件</translation>
    </message>
    <message>
        <source>Datasets (*.csv *.bin *-ubyte *.gz);;All files (*)</source>
        <translation>数据集 (*.csv *.bin *-ubyte *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a saved pipeline</source>
        <translation>选择已保存的流水线</translation>
    </message>
    <message>
        <source>Pipelines (*.json);;All files (*)</source>
        <translation>流水线 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Looking for CUDA devices…</source>
        <translation>正在查找 CUDA 设备…</translation>
    </message>
    <message>
        <source>None, or a pipeline saved in Augment</source>
        <translation>无，或在“数据增强”中保存的流水线</translation>
    </message>
    <message>
        <source>Normalise each channel</source>
        <translation>逐通道归一化</translation>
    </message>
    <message>
        <source>Subtract the training split&apos;s per-channel mean and divide by its standard deviation</source>
        <translation>减去训练集每个通道的均值并除以其标准差</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Each layer&apos;s own initialisation, as PyTorch does it</source>
        <translation>各层自带的初始化方式，与 PyTorch 相同</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>Folder or file: MNIST, CIFAR, image folder, CSV, text (CSV, TSV, JSONL, aclImdb)</source>
        <translation>文件夹或文件：MNIST、CIFAR、图像文件夹、CSV、文本（CSV、TSV、JSONL、aclImdb）</translation>
    </message>
    <message>
        <source>RNN (SimpleRNN)</source>
        <translation>RNN（SimpleRNN）</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>Bag of embeddings</source>
        <translation>嵌入袋</translation>
    </message>
    <message>
        <source>TextCNN</source>
        <translation>TextCNN</translation>
    </message>
    <message>
        <source>Transformer encoder</source>
        <translation>Transformer 编码器</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Pre-train: masked tokens</source>
        <translation>预训练：掩码词元</translation>
    </message>
    <message>
        <source>Pre-train: next token</source>
        <translation>预训练：下一词元</translation>
    </message>
    <message>
        <source>Learn the labels</source>
        <translation>学习标签</translation>
    </message>
    <message>
        <source>Learn the text without its labels: predict hidden tokens (a Transformer, or a bidirectional RNN, GRU or LSTM)</source>
        <translation>不用标签学习文本：预测被遮盖的词元（Transformer，或双向 RNN、GRU、LSTM）</translation>
    </message>
    <message>
        <source>Learn the text without its labels: predict each next token (a one-way RNN, GRU or LSTM)</source>
        <translation>不用标签学习文本：预测每个下一词元（单向 RNN、GRU 或 LSTM）</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>训练目标</translation>
    </message>
    <message>
        <source>It starts from run %1.</source>
        <translation>它从运行 %1 开始。</translation>
    </message>
    <message>
        <source>Reads text; the dataset holds images or a table</source>
        <translation>读取文本；但数据集是图像或表格</translation>
    </message>
    <message>
        <source>Reads images or tables; the dataset is text</source>
        <translation>读取图像或表格；但数据集是文本</translation>
    </message>
    <message>
        <source>Type: %1 reads images or tables, but the dataset is text</source>
        <translation>类型：%1 读取图像或表格，但数据集是文本</translation>
    </message>
    <message>
        <source>Type: %1 reads text, but the dataset holds images or a table</source>
        <translation>类型：%1 读取文本，但数据集是图像或表格</translation>
    </message>
    <message>
        <source>Maximum length: must be at least the sequence length (%1)</source>
        <translation>最大长度：不得小于序列长度（%1）</translation>
    </message>
    <message>
        <source>Token ids are not normalised</source>
        <translation>词元 ID 不做归一化</translation>
    </message>
    <message>
        <source>None, or a text pipeline saved in Augment</source>
        <translation>无，或在“数据增强”中保存的文本流水线</translation>
    </message>
    <message>
        <source>A text pipeline (EDA) saved in the Augment section: each training document is drawn through it anew every epoch, as its preview shows</source>
        <translation>在“数据增强”部分保存的文本流水线（EDA）：每个训练文档在每个轮次都按其预览所示重新经过它</translation>
    </message>
    <message>
        <source>Off (float32)</source>
        <translation>关闭（float32）</translation>
    </message>
    <message>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <source>float16 (CUDA)</source>
        <translation>float16（CUDA）</translation>
    </message>
    <message>
        <source>Automatic mixed precision: layers that gain from it compute in 16 bits, the weights stay float32. bfloat16 needs no loss scaling and is fast on CPUs with AVX512-BF16 or AMX and on recent GPUs; float16 needs a CUDA device and scales the loss</source>
        <translation>自动混合精度：受益的层以 16 位计算，权重保持 float32。bfloat16 无需损失缩放，在支持 AVX512-BF16 或 AMX 的 CPU 和较新的 GPU 上很快；float16 需要 CUDA 设备并会缩放损失</translation>
    </message>
    <message>
        <source>Mixed precision</source>
        <translation>混合精度</translation>
    </message>
    <message>
        <source>Time cuDNN&apos;s algorithms, keep the fastest</source>
        <translation>为 cuDNN 的算法计时，保留最快的</translation>
    </message>
    <message>
        <source>CUDA only: faster steps when the input shape stays the same, at the cost of a slower first step and of bit-identical reruns</source>
        <translation>仅限 CUDA：输入形状不变时每步更快，代价是第一步较慢，且重跑结果不再逐位一致</translation>
    </message>
    <message>
        <source>cuDNN autotuning</source>
        <translation>cuDNN 自动调优</translation>
    </message>
</context>
<context>
    <name>mf::TrainPage</name>
    <message>
        <source>Save Config…</source>
        <translation>保存配置…</translation>
    </message>
    <message>
        <source>Load Config…</source>
        <translation>加载配置…</translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation>尚无运行</translation>
    </message>
    <message>
        <source>Pick a preset or set up a run on the left, then press Start. Loss, accuracy, learning rate and throughput appear here as it trains.</source>
        <translation>在左侧选择预设或设置运行，然后按“开始”。训练时，损失、准确率、学习率和吞吐量会实时显示在这里。</translation>
    </message>
    <message>
        <source>Train a model</source>
        <translation>训练模型</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Show in Runs</source>
        <translation>在“运行记录”中显示</translation>
    </message>
    <message>
        <source>A run is in progress.</source>
        <translation>有运行正在进行。</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>无法开始：%1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <source>Loading the dataset and creating the run…</source>
        <translation>正在加载数据集并创建运行…</translation>
    </message>
    <message>
        <source>Training.</source>
        <translation>正在训练。</translation>
    </message>
    <message>
        <source>Paused after the current batch. Resume continues where it stopped.</source>
        <translation>已在当前批次结束后暂停。“继续”将从暂停处接着训练。</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>将在当前批次结束后停止…</translation>
    </message>
    <message>
        <source>Train with this configuration</source>
        <translation>使用此配置训练</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>samples/s</source>
        <translation>样本/秒</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Epoch %1: validation accuracy %2, validation loss %3.</source>
        <translation>第 %1 轮：验证准确率 %2，验证损失 %3。</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>运行 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 after %n epoch(s).</source>
        <translation>
            <numerusform>%n 轮后%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Epoch %1/%2 · batch %3/%4 · step %5 · %6 samples/s · ETA %7</source>
        <translation>轮次 %1/%2 · 批次 %3/%4 · 步 %5 · %6 样本/秒 · 预计剩余 %7</translation>
    </message>
    <message>
        <source>CPU and memory: not available on this system</source>
        <translation>CPU 和内存：此系统不支持</translation>
    </message>
    <message>
        <source>CPU %1% of %2% · memory %3</source>
        <translation>CPU %1% / %2% · 内存 %3</translation>
    </message>
    <message>
        <source>Finished: %1 samples/s over the run.</source>
        <translation>已完成：整个运行平均 %1 样本/秒。</translation>
    </message>
    <message>
        <source>Test accuracy %1.</source>
        <translation>测试准确率 %1。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>无法启动：%1</translation>
    </message>
    <message>
        <source>Could not start</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Save Training Configuration</source>
        <translation>保存训练配置</translation>
    </message>
    <message>
        <source>Training configurations (*.json)</source>
        <translation>训练配置 (*.json)</translation>
    </message>
    <message>
        <source>Load Training Configuration</source>
        <translation>加载训练配置</translation>
    </message>
    <message>
        <source>CPU measuring… · memory %1</source>
        <translation>CPU 测量中… · 内存 %1</translation>
    </message>
    <message>
        <source>Stop after the current batch and keep a checkpoint of it, so that resuming the run continues from there</source>
        <translation>在当前批次结束后停止并为其保存检查点，继续运行时从那里接着训练</translation>
    </message>
    <message>
        <source>Epoch %1/%2 · batch %3/%4 · step %5</source>
        <translation>轮次 %1/%2 · 批次 %3/%4 · 步 %5</translation>
    </message>
    <message>
        <source>Stopped at step %1. A checkpoint of that step is kept: resuming the run from the Runs section continues from there.</source>
        <translation>已在第 %1 步停止。已保存该步的检查点：在“运行记录”中继续此运行将从那里接着训练。</translation>
    </message>
    <message>
        <source>Stopped at step %1. Resuming the run from the Runs section continues from its newest checkpoint, of step %2.</source>
        <translation>已在第 %1 步停止。在“运行记录”中继续此运行将从其最新的检查点（第 %2 步）接着训练。</translation>
    </message>
    <message>
        <source>Stopped before the first batch finished: there is no checkpoint, so resuming the run starts it from the beginning.</source>
        <translation>在第一个批次完成前已停止：没有检查点，继续此运行将从头开始。</translation>
    </message>
    <message>
        <source>Stopped at step %1 without a checkpoint: resuming the run starts it from the beginning.</source>
        <translation>已在第 %1 步停止，但没有检查点：继续此运行将从头开始。</translation>
    </message>
    <message>
        <source>Epoch %1: masked-token accuracy %2, masked-token loss %3 (validation).</source>
        <translation>第 %1 轮：掩码词元准确率 %2，掩码词元损失 %3（验证集）。</translation>
    </message>
    <message>
        <source>Epoch %1: next-token loss %2, perplexity %3 (validation).</source>
        <translation>第 %1 轮：下一词元损失 %2，困惑度 %3（验证集）。</translation>
    </message>
    <message>
        <source>Masked-token loss</source>
        <translation>掩码词元损失</translation>
    </message>
    <message>
        <source>Masked-token accuracy</source>
        <translation>掩码词元准确率</translation>
    </message>
    <message>
        <source>Next-token loss · perplexity %1</source>
        <translation>下一词元损失 · 困惑度 %1</translation>
    </message>
    <message>
        <source>Next-token loss</source>
        <translation>下一词元损失</translation>
    </message>
    <message>
        <source>Next-token accuracy</source>
        <translation>下一词元准确率</translation>
    </message>
    <message>
        <source>A run on several processes cannot pause: the other processes would wait for this one until their timeout failed the run</source>
        <translation>多进程运行无法暂停：其他进程会一直等待本进程，直到超时使运行失败</translation>
    </message>
    <message numerus="yes">
        <source> · %n processes</source>
        <translation>
            <numerusform> · %n 个进程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This process only; %n worker process(es) train beside it</source>
        <translation>
            <numerusform>仅本进程；另有 %n 个工作进程在旁训练</numerusform>
        </translation>
    </message>
    <message>
        <source> (this process)</source>
        <translation>（本进程）</translation>
    </message>
    <message>
        <source> · GPU %1: usage not readable</source>
        <translation> · GPU %1：无法读取使用情况</translation>
    </message>
    <message>
        <source> · GPU %1 %2% · %3 of %4</source>
        <translation> · GPU %1 %2% · %3 / %4</translation>
    </message>
</context>
<context>
    <name>mf::TrainPreset</name>
    <message>
        <source>Fashion-MNIST CNN (2 conv)</source>
        <translation>Fashion-MNIST CNN（2 个卷积块）</translation>
    </message>
    <message>
        <source>Two 3x3 conv blocks with max pooling and a 128-unit dense layer, Adam 1e-3: above 90% test accuracy after two epochs.</source>
        <translation>两个带最大池化的 3x3 卷积块和一个 128 单元的全连接层，Adam 1e-3：两轮后测试准确率超过 90%。</translation>
    </message>
    <message>
        <source>Fashion-MNIST MLP (256-128)</source>
        <translation>Fashion-MNIST MLP（256-128）</translation>
    </message>
    <message>
        <source>Two hidden layers with dropout: a fast baseline around 88% test accuracy.</source>
        <translation>两个带 dropout 的隐藏层：快速基线，测试准确率约 88%。</translation>
    </message>
    <message>
        <source>CIFAR-10 ResNet (3 stages)</source>
        <translation>CIFAR-10 ResNet（3 个阶段）</translation>
    </message>
    <message>
        <source>A small residual network with SGD momentum and a cosine schedule; choose the CIFAR-10 folder (cifar-10-batches-bin).</source>
        <translation>使用 SGD 动量和余弦调度的小型残差网络；请选择 CIFAR-10 文件夹（cifar-10-batches-bin）。</translation>
    </message>
    <message>
        <source>Table MLP (CSV)</source>
        <translation>表格 MLP（CSV）</translation>
    </message>
    <message>
        <source>A small MLP for a CSV table with a &quot;label&quot; column.</source>
        <translation>用于带有 &quot;label&quot; 列的 CSV 表格的小型 MLP。</translation>
    </message>
    <message>
        <source>Source recipe: embedding 32 + SimpleRNN 32</source>
        <translation>原书示例：32 维嵌入 + SimpleRNN 32</translation>
    </message>
    <message>
        <source>The source&apos;s IMDB example: a 10,000-word vocabulary, reviews cut to 500 tokens, RMSprop; for aclImdb-style folders of two classes (train/neg, train/pos).</source>
        <translation>原书的 IMDB 示例：10,000 词的词表，评论截断为 500 个词元，RMSprop；用于两类的 aclImdb 式文件夹（train/neg、train/pos）。</translation>
    </message>
    <message>
        <source>Bidirectional GRU</source>
        <translation>双向 GRU</translation>
    </message>
    <message>
        <source>TextCNN</source>
        <translation>TextCNN</translation>
    </message>
    <message>
        <source>Pre-train Transformer (masked tokens)</source>
        <translation>预训练 Transformer（掩码词元）</translation>
    </message>
    <message>
        <source>Learns the dataset&apos;s text without its labels: 15% of the tokens are hidden and predicted. Then fine-tune it with the next preset.</source>
        <translation>不用标签学习数据集的文本：遮盖 15% 的词元并加以预测。然后用下一个预设进行微调。</translation>
    </message>
    <message>
        <source>Fine-tune the pre-trained encoder</source>
        <translation>微调预训练的编码器</translation>
    </message>
    <message>
        <source>Starts from the newest masked-token pre-training run and learns the labels: the encoder stays frozen for the first epoch, while the new classification layer trains.</source>
        <translation>从最新的掩码词元预训练运行开始学习标签：第一轮编码器保持冻结，只训练新的分类层。</translation>
    </message>
    <message>
        <source>Trains on text, but the chosen dataset holds images or a table. Choose a text dataset first: a .csv with a &quot;text&quot; column, a .tsv, a .jsonl or an aclImdb-style folder.</source>
        <translation>在文本上训练，但所选数据集是图像或表格。请先选择文本数据集：带 &quot;text&quot; 列的 .csv、.tsv、.jsonl 或 aclImdb 式文件夹。</translation>
    </message>
    <message>
        <source>Trains on images or tables, but the chosen dataset is text.</source>
        <translation>在图像或表格上训练，但所选数据集是文本。</translation>
    </message>
    <message>
        <source>Needs a finished run of &quot;Pre-train Transformer (masked tokens)&quot; in this workspace: train that preset first.</source>
        <translation>需要此工作区中一个已完成的“预训练 Transformer（掩码词元）”运行：请先训练该预设。</translation>
    </message>
    <message>
        <source>Reads each document both ways, 64 units each way, Adam 1e-3 with clipped gradients, punctuation as tokens: a strong default for multi-class text.</source>
        <translation>双向读取每个文档，每个方向 64 个单元，Adam 1e-3 并裁剪梯度，标点作为词元：多类文本的稳妥默认选择。</translation>
    </message>
    <message>
        <source>Kim&apos;s convolutional classifier: 64 filters each of widths 3, 4 and 5, max over time, dropout 0.5, punctuation as tokens; fast on multi-class text.</source>
        <translation>Kim 的卷积分类器：宽度 3、4、5 各 64 个滤波器，时间维最大池化，dropout 0.5，标点作为词元；在多类文本上训练很快。</translation>
    </message>
</context>
<context>
    <name>mf::TrainWorker</name>
    <message>
        <source>There is no run %1 in %2</source>
        <translation>%2 中没有运行 %1</translation>
    </message>
    <message>
        <source>rank 0: %1</source>
        <translation>rank 0：%1</translation>
    </message>
    <message>
        <source> (not recorded in the store: %1)</source>
        <translation>（未能记入存储：%1）</translation>
    </message>
</context>
</TS>
