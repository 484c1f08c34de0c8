import * as cdk from 'aws-cdk-lib';
import { ShippingStack } from '../lib/shipping-stack';

const app = new cdk.App();
new ShippingStack(app, 'ShippingStack');
