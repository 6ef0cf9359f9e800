/** Types for ml-xgboost 1.1.2 (XGBoost compiled to WebAssembly), which ships none. */
declare module "ml-xgboost" {
  export interface XGBoostModelJSON {
    name: "ml-xgboost";
    model: ArrayLike<number>;
    options: Record<string, unknown>;
  }
  export interface XGBoostInstance {
    options: Record<string, unknown>;
    train(trainingSet: number[][], trainingValues: number[]): void;
    /** One number per row (binary:logistic, regression) or one array per row (multi:softprob). */
    predict(rows: number[][]): Array<number | number[]>;
    toJSON(): XGBoostModelJSON;
    free(): void;
  }
  export interface XGBoostClass {
    new (options: Record<string, string | number>): XGBoostInstance;
    load(model: XGBoostModelJSON): XGBoostInstance;
  }
  const ready: Promise<XGBoostClass>;
  export default ready;
}
