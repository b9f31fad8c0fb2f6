/** Toolbar popup: for now it names the product; site enabling and layers arrive with issue 3. */
export function App() {
  return (
    <main style={{ minWidth: 260, padding: 12, fontFamily: 'system-ui, sans-serif' }}>
      <h1 style={{ fontSize: 16, margin: 0 }}>法审 fashen</h1>
      <p lang="zh-CN">行政规范性文件合法性检查</p>
      <p lang="en">Legality checks for draft normative documents</p>
    </main>
  );
}
