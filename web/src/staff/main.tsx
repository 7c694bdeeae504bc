import { render } from "preact";
import { App } from "./App";
import "../shared/base.css";
import "./staff.css";

render(<App />, document.getElementById("app")!);
