import * as path from 'path';
import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

const common = {
  runtime: lambda.Runtime.NODEJS_20_X,
  architecture: lambda.Architecture.ARM_64,
};

export class ShippingStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // Quotes over a REST API: NodejsFunction with an explicit entry.
    const quote = new NodejsFunction(this, 'QuoteFunction', {
      ...common,
      entry: path.join(__dirname, '../src/quote.ts'),
      handler: 'handler',
      memorySize: 256,
      timeout: Duration.seconds(10),
      environment: { RATES_TABLE: 'rates' },
    });
    new apigw.LambdaRestApi(this, 'QuoteApi', { handler: quote });

    // Labels from a queue: a plain lambda.Function over an asset folder.
    const labels = new sqs.Queue(this, 'LabelQueue', { visibilityTimeout: Duration.minutes(2) });
    const label = new lambda.Function(this, 'LabelFunction', {
      runtime: lambda.Runtime.NODEJS_20_X,
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'label')),
      handler: 'index.handler',
      memorySize: 512,
      timeout: Duration.minutes(1),
      environment: { LABEL_BUCKET: 'labels', CARRIER: 'ups' },
    });
    label.addEventSource(new SqsEventSource(labels, { batchSize: 5 }));

    // Hourly tracking refresh: NodejsFunction with the default entry, lib/shipping-stack.track.ts.
    const track = new NodejsFunction(this, 'track', { ...common, timeout: Duration.seconds(30) });
    new events.Rule(this, 'HourlyTracking', {
      schedule: events.Schedule.rate(Duration.hours(1)),
      targets: [new targets.LambdaFunction(track)],
    });

    // Carrier callbacks through a function URL.
    const carrierWebhook = new NodejsFunction(this, 'CarrierWebhookFunction', {
      entry: 'src/carrierWebhook.ts',
    });
    carrierWebhook.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
  }
}
